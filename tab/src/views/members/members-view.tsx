/** Medlemmar: the group's people by organisation, with warnings about förvaltningar on top. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { pageText, useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { EraseMemberDialog } from './erase-member-dialog';
import { listMembers, type MemberPerson, type MemberWarning, type MembersOverview } from './members-api';
import { useMembersStrings } from './members-strings';
import { OrganisationMembers } from './organisation-members';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  intro: pageText.intro,
  h2: pageText.h2,
  lead: pageText.lead,
  summary: { margin: 0, color: tokens.colorNeutralForeground3 },
  warnings: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  warningText: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  // One organisation a row: names, roles and mail addresses need the width to stay on one line.
  organisations: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/** The people of each organisation in the server's order, then those with none. */
function byOrganisation(overview: MembersOverview) {
  const groups = overview.organisations.map((organisation) => ({
    key: organisation.id,
    organisation,
    people: overview.people.filter((p) => p.organisationId === organisation.id),
  }));
  const without = overview.people.filter((p) => p.organisationId === null);
  return { groups, without };
}

function WarningBar({ warning }: { warning: MemberWarning }) {
  const styles = useStyles();
  const s = useMembersStrings();
  const { dates } = useI18n();
  const title =
    warning.kind === 'no-delegate' ? s.noDelegateTitle(warning.organisationName) : s.unrepresentedTitle(warning.organisationName);
  const body =
    warning.kind === 'no-delegate'
      ? s.noDelegateBody
      : s.unrepresentedBody(warning.meetings.map((m) => dates.longDate(m.startsAt)).join(` ${s.and} `));
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <div className={styles.warningText}>
          <MessageBarTitle>{title}</MessageBarTitle>
          <span>{body}</span>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

export default function MembersView(props: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useMembersStrings();
  const headingId = useId();
  const warningsId = useId();
  const { api, group, me, role } = props;
  const resource = useResource((signal) => listMembers(api, group.id, signal), [api, group.id]);
  const overview = resource.data?.group.id === group.id ? resource.data : undefined;
  const [erasing, setErasing] = useState<MemberPerson | null>(null);
  const [erased, setErased] = useState<string | null>(null);
  // Strategists erase on request; not themselves or another strategist (the server refuses too).
  const onErase =
    role === 'strategist'
      ? { can: (person: MemberPerson) => person.role !== 'strategist' && person.id !== me.person.id, ask: setErasing }
      : undefined;

  let body;
  if (!overview) {
    body = resource.error ? <ErrorState error={resource.error} onRetry={resource.reload} /> : <LoadingState label={s.loading} />;
  } else {
    const { groups, without } = byOrganisation(overview);
    const noDelegate = new Set(overview.warnings.filter((w) => w.kind === 'no-delegate').map((w) => w.organisationId));
    body = (
      <>
        {overview.warnings.length > 0 && (
          <div>
            <h3 id={warningsId} className={shared.visuallyHidden}>
              {s.warningsLabel}
            </h3>
            <ul className={styles.warnings} aria-labelledby={warningsId}>
              {overview.warnings.map((warning) => (
                <li key={`${warning.kind}-${warning.organisationId}`}>
                  <WarningBar warning={warning} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {overview.people.length === 0 && overview.organisations.length === 0 ? (
          <EmptyState>{s.empty}</EmptyState>
        ) : (
          <>
            <p className={styles.summary}>{s.summary(overview.people.length, overview.organisations.length)}</p>
            <div className={styles.organisations}>
              {groups.map(({ key, organisation, people }) => (
                <OrganisationMembers
                  key={key}
                  name={organisation.name}
                  kindLabel={s.kinds[organisation.kind]}
                  people={people}
                  missingDelegate={noDelegate.has(organisation.id)}
                  {...(onErase ? { onErase } : {})}
                />
              ))}
              {without.length > 0 && (
                <OrganisationMembers
                  name={s.noOrganisation}
                  kindLabel={null}
                  people={without}
                  missingDelegate={false}
                  {...(onErase ? { onErase } : {})}
                />
              )}
            </div>
          </>
        )}
      </>
    );
  }

  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <h2 id={headingId} className={styles.h2}>
          {s.title}
        </h2>
        <p className={styles.lead}>{s.intro}</p>
      </div>
      <div role="status">
        {erased && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{s.erased(erased)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {body}
      {erasing && (
        <EraseMemberDialog
          api={api}
          groupId={group.id}
          person={erasing}
          onClose={() => setErasing(null)}
          onErased={(person) => {
            setErasing(null);
            setErased(person.name);
            resource.reload();
          }}
        />
      )}
    </section>
  );
}
