/**
 * The navigation between views: Fluent's TabList (arrow keys move, Enter/Space pick), as Teams'
 * own apps do. It wraps onto more lines in a narrow side panel rather than hiding views.
 */
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import type { ViewKey } from '../route';
import { useSharedStyles } from '../shared-styles';
import { OVERVIEW_LABEL, VIEWS } from './view-registry';

const useStyles = makeStyles({
  nav: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { flexWrap: 'wrap' },
});

export function ViewNav({
  current,
  strategist,
  onNavigate,
}: {
  current: ViewKey;
  strategist: boolean;
  onNavigate: (view: ViewKey) => void;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { language } = useI18n();
  const entries = VIEWS.filter((v) => v.inNavigation && (strategist || !v.strategistsOnly));
  return (
    <nav className={styles.nav} aria-label={language === 'en' ? 'Views' : 'Vyer'}>
      <div className={shared.page}>
        <TabList
          className={styles.list}
          selectedValue={current}
          onTabSelect={(_event, data) => onNavigate(data.value as ViewKey)}
          size="medium"
        >
          <Tab value="overview">{OVERVIEW_LABEL[language]}</Tab>
          {entries.map((entry) => (
            <Tab key={entry.key} value={entry.key}>
              {entry.label[language]}
            </Tab>
          ))}
        </TabList>
      </div>
    </nav>
  );
}
