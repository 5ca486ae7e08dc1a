/** The signed-in header: app name, the group (the page's h1), who is signed in, group picker, sign out. */
import { Avatar, Button, Caption1, Text, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { Me, Role } from '../api-types';
import { capitalise, useI18n } from '../i18n';
import { useSharedStyles } from '../shared-styles';
import { useFocusOnMount } from '../use-focus-on-mount';
import { GroupPicker } from './group-picker';
import { SearchBox } from './search/search-box';

const useStyles = makeStyles({
  header: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  inner: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  app: { color: tokens.colorNeutralForeground3 },
  h1: {
    ...typographyStyles.title3,
    margin: 0,
    overflowWrap: 'anywhere',
    ':focus': { outlineStyle: 'none' },
    // In a 280–320 px side panel a long group name should break between words, not inside one.
    '@media (max-width: 480px)': { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  },
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  person: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  personTexts: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  personName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  role: { color: tokens.colorNeutralForeground2 },
});

export function AppHeader({
  me,
  groupId,
  groupName,
  role,
  onGroupChange,
  onSignOut,
  onSearch,
  focusHeading = false,
}: {
  me: Me;
  groupId: string;
  groupName: string;
  role: Role | undefined;
  onGroupChange: (groupId: string) => void;
  onSignOut?: (() => void) | undefined;
  /** The search box, on every view: opens the results for what was typed. */
  onSearch?: ((query: string) => void) | undefined;
  focusHeading?: boolean;
}) {
  const headingRef = useFocusOnMount<HTMLHeadingElement>(focusHeading);
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t, language } = useI18n();
  return (
    <header className={styles.header}>
      <div className={mergeClasses(shared.page, styles.inner)}>
        <div className={styles.titles}>
          <Caption1 className={styles.app}>{t.appName}</Caption1>
          <h1 ref={headingRef} tabIndex={-1} className={styles.h1}>
            {groupName}
          </h1>
        </div>
        <div className={styles.tools}>
          {onSearch && <SearchBox onSearch={onSearch} />}
          {me.groups.length > 1 && <GroupPicker groups={me.groups} selectedId={groupId} onChange={onGroupChange} />}
          <div className={styles.person}>
            <Avatar name={me.person.name} size={32} color="colorful" aria-hidden />
            <span className={styles.personTexts}>
              <span className={shared.visuallyHidden}>{t.header.signedInAs} </span>
              <Text className={styles.personName}>{me.person.name}</Text>
              {role && <Caption1 className={styles.role}>{capitalise(t.roles[role], language)}</Caption1>}
            </span>
          </div>
          {onSignOut && (
            <Button appearance="secondary" size="small" onClick={onSignOut}>
              {t.header.signOut}
            </Button>
          )}
        </div>
      </div>
    </header>
  );
}
