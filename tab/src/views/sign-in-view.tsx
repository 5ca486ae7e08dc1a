/** Local mode only: pick a seeded person to sign in as. Strategists first. */
import {
  Avatar,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../api';
import type { DevPerson, Role } from '../api-types';
import { useI18n } from '../i18n';
import { useSharedStyles } from '../shared-styles';
import { useFocusOnMount } from '../use-focus-on-mount';
import { useResource } from '../use-resource';
import { BrandBar } from './brand-bar';
import { EmptyState, ErrorState, LoadingState } from './status-views';

const ROLE_ORDER: Record<Role, number> = { strategist: 0, delegate: 1, substitute: 2, guest: 3 };

const useStyles = makeStyles({
  main: { paddingBlock: tokens.spacingVerticalXL },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.title2, margin: 0, ':focus': { outlineStyle: 'none' } },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  groupHeading: { margin: 0, marginBlockStart: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingHorizontalS,
    marginBlockStart: tokens.spacingVerticalM,
  },
  person: {
    width: '100%',
    height: '100%',
    minHeight: '64px',
    justifyContent: 'flex-start',
    textAlign: 'start',
    columnGap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    fontWeight: tokens.fontWeightRegular,
  },
  texts: { display: 'flex', flexDirection: 'column', minWidth: 0, rowGap: tokens.spacingVerticalXXS },
  name: { fontWeight: tokens.fontWeightSemibold },
  organisation: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  /** A pill like Fluent's Badge, but a span: a button may only hold phrasing content. */
  role: {
    alignSelf: 'flex-start',
    marginBlockStart: tokens.spacingVerticalXXS,
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid transparent`,
    backgroundColor: tokens.colorNeutralBackground5,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase200,
  },
  strategist: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
  },
  pending: { fontStyle: 'italic' },
});

function sortPeople(people: DevPerson[], language: string): DevPerson[] {
  const collator = new Intl.Collator(language === 'en' ? 'en' : 'sv');
  return [...people].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || collator.compare(a.name, b.name));
}

function groupByGroupName(people: DevPerson[]): [string, DevPerson[]][] {
  const groups = new Map<string, DevPerson[]>();
  for (const person of people) {
    const list = groups.get(person.groupName) ?? [];
    list.push(person);
    groups.set(person.groupName, list);
  }
  return [...groups.entries()];
}

export function SignInView({
  api,
  notice,
  onSignedIn,
  focusHeading = false,
}: {
  api: ApiClient;
  notice?: string | undefined;
  onSignedIn: (token: string) => void;
  focusHeading?: boolean;
}) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>(focusHeading);
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t, language } = useI18n();
  const people = useResource((signal) => api.getDevPeople(signal), [api]);
  const idPrefix = useId();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [signInError, setSignInError] = useState<ApiError | undefined>();

  const grouped = useMemo(() => groupByGroupName(sortPeople(people.data?.people ?? [], language)), [people.data, language]);

  const signIn = (personId: string): void => {
    setPendingId(personId);
    setSignInError(undefined);
    api.devSignIn(personId).then(
      ({ token }) => onSignedIn(token),
      (error: unknown) => {
        setPendingId(null);
        setSignInError(asApiError(error));
      },
    );
  };

  return (
    <>
      <BrandBar localMode />
      <main id="main" tabIndex={-1} className={mergeClasses(shared.page, styles.main)}>
        <div className={styles.column}>
          <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
            {t.signIn.title}
          </h1>
          <Body1 as="p" className={styles.intro}>
            {t.signIn.intro}
          </Body1>
          {notice && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          {signInError && <ErrorState error={signInError} />}
          {people.loading && !people.data && <LoadingState label={t.signIn.loading} />}
          {people.error && <ErrorState error={people.error} onRetry={people.reload} />}
          {people.data && people.data.people.length === 0 && <EmptyState>{t.signIn.noPeople}</EmptyState>}
          {grouped.map(([groupName, members], index) => (
            <section key={groupName} aria-labelledby={`${idPrefix}-${index}`}>
              <Subtitle1 as="h2" id={`${idPrefix}-${index}`} className={styles.groupHeading}>
                {groupName}
              </Subtitle1>
              <ul className={styles.list}>
                {members.map((person) => (
                  <li key={person.id}>
                    <Button
                      className={styles.person}
                      appearance="secondary"
                      disabled={pendingId !== null}
                      onClick={() => signIn(person.id)}
                    >
                      <Avatar name={person.name} color="colorful" aria-hidden />
                      <span className={styles.texts}>
                        <span className={shared.visuallyHidden}>{t.signIn.signInAs} </span>
                        <Text className={styles.name}>{person.name}</Text>
                        <span className={shared.visuallyHidden}>, </span>
                        <Caption1 className={styles.organisation}>{person.organisationName ?? t.signIn.noOrganisation}</Caption1>
                        <span className={shared.visuallyHidden}>, </span>
                        {pendingId === person.id ? (
                          <Caption1 className={styles.pending} role="status">
                            {t.signIn.signingIn}
                          </Caption1>
                        ) : (
                          <span className={mergeClasses(styles.role, person.role === 'strategist' && styles.strategist)}>
                            {t.roles[person.role]}
                          </span>
                        )}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </main>
    </>
  );
}
