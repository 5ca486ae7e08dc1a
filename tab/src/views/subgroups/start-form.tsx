/**
 * The strategists' form to start a sub-group from an agenda item: meeting and item, name, mandate,
 * deadline, members and convenor. One column, so it fits a narrow side panel.
 */
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { EmptyState, ErrorState } from '../status-views';
import { problemText } from './problem-text';
import { startSubGroup, type SubGroupList } from './subgroups-api';
import { useSubGroupsStrings } from './subgroups-strings';
import { useSubGroupsStyles } from './subgroups-styles';

export function StartForm(props: {
  api: ApiClient;
  groupId: string;
  list: SubGroupList;
  itemId: string | null;
  onStarted: (name: string) => void;
}) {
  const { list } = props;
  const styles = useSubGroupsStyles();
  const s = useSubGroupsStrings();
  const { dates } = useI18n();
  const preselected = list.startFrom.find((m) => m.items.some((i) => i.id === props.itemId));
  const [meetingId, setMeetingId] = useState(preselected?.meetingId ?? list.startFrom[0]?.meetingId ?? '');
  const [itemId, setItemId] = useState(preselected ? (props.itemId ?? '') : '');
  const [name, setName] = useState('');
  const [mandate, setMandate] = useState('');
  const [deadline, setDeadline] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [convenor, setConvenor] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  const items = list.startFrom.find((m) => m.meetingId === meetingId)?.items ?? [];
  const chosen = list.people.filter((p) => members.includes(p.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!itemId || !name.trim() || !mandate.trim() || !deadline || members.length === 0 || !members.includes(convenor)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const started = await startSubGroup(props.api, props.groupId, itemId, {
        name,
        mandate,
        deadline,
        memberPersonIds: members,
        convenorPersonId: convenor,
      });
      props.onStarted(started.name);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  if (list.startFrom.length === 0) return <EmptyState>{s.noItems}</EmptyState>;
  const problem = error ? problemText(error, s) : null;
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
      <Field label={s.meeting} required>
        <Select
          className={styles.select}
          value={meetingId}
          onChange={(_, d) => {
            setMeetingId(d.value);
            setItemId('');
          }}
        >
          {list.startFrom.map((m) => (
            <option key={m.meetingId} value={m.meetingId}>
              {`${m.title}, ${dates.isoDate(m.startsAt)}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.item} required>
        <Select className={styles.select} value={itemId} onChange={(_, d) => setItemId(d.value)}>
          <option value="">{s.choose}</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.name} required>
        <Input value={name} maxLength={120} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={s.mandate} required>
        <Textarea value={mandate} maxLength={2000} resize="vertical" onChange={(_, d) => setMandate(d.value)} />
      </Field>
      <Field label={s.deadline} required>
        <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{s.chooseMembers}</legend>
        <p className={styles.hint}>{s.membersHint}</p>
        {list.people.map((p) => (
          <Checkbox
            key={p.id}
            label={p.organisation ? `${p.name} (${p.organisation})` : p.name}
            checked={members.includes(p.id)}
            onChange={(_, d) => setMembers((before) => (d.checked === true ? [...before, p.id] : before.filter((id) => id !== p.id)))}
          />
        ))}
      </fieldset>
      <Field label={s.chooseConvenor} hint={s.convenorHint} required>
        <Select className={styles.select} value={convenor} onChange={(_, d) => setConvenor(d.value)}>
          <option value="">{s.choose}</option>
          {chosen.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      {missing && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{s.required}</MessageBarBody>
        </MessageBar>
      )}
      {error &&
        (problem ? (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorState error={error} />
        ))}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? s.starting : s.start}
        </Button>
      </div>
    </form>
  );
}
