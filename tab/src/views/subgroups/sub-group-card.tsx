/**
 * One sub-group as a card: mandate, origin, convenor, deadline, report-back meeting and members by
 * organisation, with its warnings; strategists mark it reported or closed and move its deadline.
 */
import { Badge, Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import type { SubGroupChange, SubGroupEntry } from './subgroups-api';
import { useSubGroupsStrings } from './subgroups-strings';
import { useSubGroupsStyles } from './subgroups-styles';

const STATUS_COLOUR = { active: 'brand', reported: 'success', closed: 'informative' } as const;

export function SubGroupCard(props: { entry: SubGroupEntry; canManage: boolean; onChange: (change: SubGroupChange) => Promise<void> }) {
  const { entry, canManage } = props;
  const styles = useSubGroupsStyles();
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
