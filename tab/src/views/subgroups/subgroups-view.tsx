/**
 * Delgrupper: the group's sub-groups with their mandate, members by organisation, convenor,
 * deadline and the meeting their report-back is on. Strategists start one from an agenda item
 * (the view's argument preselects the item: `#/subgroups/<item id>`), mark it reported or closed
 * and move its deadline. Lists and a one-column form, so it reads in a 320 px side panel too.
 */
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { changeSubGroup, listSubGroups, startSubGroup, type SubGroupChange, type SubGroupEntry, type SubGroupList } from './subgroups-api';
import { useSubGroupsStrings, type SubGroupsStrings } from './subgroups-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  lead: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    minWidth: 0,
    '@media (forced-colors: active)': { border: `${tokens.strokeWidthThin} solid CanvasText` },
    '@media (max-width: 480px)': { paddingInline: tokens.spacingHorizontalM },
  },
  cardHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  orgs: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  orgName: { fontWeight: tokens.fontWeightSemibold },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    maxWidth: '40rem',
    minWidth: 0,
    boxSizing: 'border-box',
    // A native select is as wide as its longest option unless told otherwise: long item titles.
    '& > *': { minWidth: 0, maxWidth: '100%' },
    '& select': { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    '@media (forced-colors: active)': { border: `${tokens.strokeWidthThin} solid CanvasText` },
    '@media (max-width: 480px)': { paddingInline: tokens.spacingHorizontalM },
  },
  // A Field lays its control out in a grid, where a select would keep its longest option's width.
  select: { minWidth: 0, maxWidth: '100%' },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column' },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const STATUS_COLOUR = { active: 'brand', reported: 'success', closed: 'informative' } as const;

function problemText(error: ApiError, s: SubGroupsStrings): string | null {
  // The service words a refused sub-group in Swedish (422); a malformed form (400) gets our own hint.
  if (error.status === 422 && error.message) return error.message;
  if (error.status === 400) return s.required;
  return null;
}

function SubGroupCard(props: { entry: SubGroupEntry; canManage: boolean; onChange: (change: SubGroupChange) => Promise<void> }) {
  const { entry, canManage } = props;
  const styles = useStyles();
  const s = useSubGroupsStrings();
  const { dates } = useI18n();
  const headingId = useId();
  const [deadline, setDeadline] = useState(entry.deadline);
  const [busy, setBusy] = useState(false);
  const change = async (c: SubGroupChange) => {
    setBusy(true);
    try {
      await props.onChange(c);
    } finally {
      setBusy(false);
    }
  };
  const originMeeting = entry.origin.meetingStartsAt ? dates.dayMonthYear(entry.origin.meetingStartsAt) : entry.origin.meetingTitle;
  return (
    <li className={styles.card} aria-labelledby={headingId}>
      <div className={styles.cardHead}>
        <h3 id={headingId} className={styles.h3}>
          {entry.name}
        </h3>
        <Badge appearance="tint" color={STATUS_COLOUR[entry.status]}>
          {s.statuses[entry.status]}
        </Badge>
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>{s.mandate}</dt>
        <dd className={styles.value}>{entry.mandate}</dd>
        <dt className={styles.term}>{s.origin}</dt>
        <dd className={styles.value}>{s.originValue(entry.origin.itemTitle, originMeeting)}</dd>
        <dt className={styles.term}>{s.convenor}</dt>
        <dd className={styles.value}>{entry.convenor?.name ?? s.noConvenor}</dd>
        <dt className={styles.term}>{s.deadline}</dt>
        <dd className={styles.value}>
          <time dateTime={entry.deadline}>{entry.deadline}</time>
        </dd>
        <dt className={styles.term}>{s.reportBack}</dt>
        <dd className={styles.value}>
          {entry.reportBack ? `${entry.reportBack.title}, ${dates.longDate(entry.reportBack.startsAt)}` : s.noMeeting}
        </dd>
        <dt className={styles.term}>{s.members}</dt>
        <dd className={styles.value}>
          <ul className={styles.orgs}>
            {entry.organisations.map((o) => (
              <li key={o.name ?? ''}>
                <span className={styles.orgName}>{o.name ?? s.noOrganisation}</span>: {o.members.map((m) => m.name).join(', ')}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {entry.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{s.warnings[w]}</MessageBarBody>
        </MessageBar>
      ))}
      {canManage && (
        <div className={styles.actions}>
          {entry.status === 'active' ? (
            <>
              <Button disabledFocusable={busy} onClick={() => void change({ status: 'reported' })}>
                {s.markReported}
              </Button>
              <Button disabledFocusable={busy} onClick={() => void change({ status: 'closed' })}>
                {s.close}
              </Button>
            </>
          ) : (
            <Button disabledFocusable={busy} onClick={() => void change({ status: 'active' })}>
              {s.reopen}
            </Button>
          )}
          <Field label={s.newDeadline}>
            <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} />
          </Field>
          <Button disabledFocusable={busy || deadline === entry.deadline || deadline === ''} onClick={() => void change({ deadline })}>
            {busy ? s.saving : s.changeDeadline}
          </Button>
        </div>
      )}
    </li>
  );
}

function StartForm(props: {
  api: ApiClient;
  groupId: string;
  list: SubGroupList;
  itemId: string | null;
  onStarted: (name: string) => void;
}) {
  const { list } = props;
  const styles = useStyles();
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

export default function SubGroupsView({ api, group, arg }: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useSubGroupsStrings();
  const headingId = useId();
  const startId = useId();
  const list = useResource((signal) => listSubGroups(api, group.id, signal), [api, group.id]);
  const [formOpen, setFormOpen] = useState(arg !== null);
  const [announcement, setAnnouncement] = useState('');
  const [changeError, setChangeError] = useState<ApiError | null>(null);
  const entries = useMemo(() => list.data?.subGroups ?? [], [list.data]);

  const onChange = async (entry: SubGroupEntry, change: SubGroupChange) => {
    setChangeError(null);
    try {
      await changeSubGroup(api, group.id, entry.id, change);
      setAnnouncement(s.changed(entry.name));
      list.reload();
    } catch (caught) {
      setChangeError(asApiError(caught));
    }
  };

  let body;
  if (!list.data) body = list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : <LoadingState label={s.loading} />;
  else
    body = (
      <>
        {list.data.canManage && (
          <section aria-labelledby={startId} className={styles.intro}>
            <h3 id={startId} className={styles.h3}>
              {s.startTitle}
            </h3>
            {formOpen ? (
              <>
                <StartForm
                  api={api}
                  groupId={group.id}
                  list={list.data}
                  itemId={arg}
                  onStarted={(name) => {
                    setFormOpen(false);
                    setAnnouncement(s.started(name));
                    list.reload();
                  }}
                />
                <div className={styles.actions}>
                  <Button onClick={() => setFormOpen(false)}>{s.startCancel}</Button>
                </div>
              </>
            ) : (
              <div className={styles.actions}>
                <Button appearance="primary" onClick={() => setFormOpen(true)}>
                  {s.startOpen}
                </Button>
              </div>
            )}
          </section>
        )}
        {changeError &&
          (problemText(changeError, s) ? (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>{problemText(changeError, s)}</MessageBarBody>
            </MessageBar>
          ) : (
            <ErrorState error={changeError} />
          ))}
        {entries.length === 0 ? (
          <EmptyState>{s.empty}</EmptyState>
        ) : (
          <ul className={styles.list} aria-label={s.listLabel}>
            {entries.map((entry) => (
              <SubGroupCard
                key={`${entry.id}:${entry.deadline}`}
                entry={entry}
                canManage={list.data?.canManage === true}
                onChange={(change) => onChange(entry, change)}
              />
            ))}
          </ul>
        )}
      </>
    );

  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <h2 id={headingId} className={styles.h2}>
          {s.title}
        </h2>
        <p className={styles.lead}>{s.intro}</p>
      </div>
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
      {body}
    </section>
  );
}
