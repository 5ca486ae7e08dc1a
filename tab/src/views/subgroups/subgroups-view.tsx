/**
 * Delgrupper: the group's sub-groups with their mandate, members by organisation, convenor,
 * deadline and the meeting their report-back is on. Strategists start one from an agenda item
 * (the view's argument preselects the item: `#/subgroups/<item id>`), mark it reported or closed
 * and move its deadline. Lists and a one-column form, so it reads in a 320 px side panel too.
 */
import { Button, MessageBar, MessageBarBody, mergeClasses } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { asApiError, type ApiError } from '../../api';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { problemText } from './problem-text';
import { StartForm } from './start-form';
import { SubGroupCard } from './sub-group-card';
import { changeSubGroup, listSubGroups, type SubGroupChange, type SubGroupEntry } from './subgroups-api';
import { useSubGroupsStrings } from './subgroups-strings';
import { useSubGroupsStyles } from './subgroups-styles';

export default function SubGroupsView({ api, group, arg }: ViewProps) {
  const styles = useSubGroupsStyles();
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
