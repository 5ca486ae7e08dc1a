/**
 * The navigation between views: Fluent's TabList (arrow keys move, Enter/Space pick), as Teams'
 * own apps do, and after it one menu, *Uppföljning*, holding the follow-up views (goals,
 * representation, reports…). The bar wraps onto more lines in a narrow side panel rather than
 * hiding views. While a menu view is open its name shows on the menu button, marked as the
 * current page, so sighted and screen reader users both see where they are.
 */
import {
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useI18n } from '../i18n';
import type { ViewKey } from '../route';
import { useSharedStyles } from '../shared-styles';
import { FOLLOW_UP_LABEL, OVERVIEW_LABEL, VIEWS } from './view-registry';

const useStyles = makeStyles({
  nav: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  // Shrinks to the panel's width and wraps its tabs, instead of growing past it.
  list: { flexWrap: 'wrap', minWidth: 0, flexShrink: 1 },
  menuButton: { fontWeight: tokens.fontWeightRegular },
  /** The same mark as a selected tab: a bar under the label, not colour alone. */
  current: {
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 0 -${tokens.strokeWidthThicker} 0 ${tokens.colorCompoundBrandStroke}`,
    borderRadius: 0,
  },
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
  const mine = VIEWS.filter((v) => v.inNavigation && (strategist || !v.strategistsOnly));
  const tabs = mine.filter((v) => !v.inFollowUpMenu);
  const menu = mine.filter((v) => v.inFollowUpMenu);
  const inMenu = menu.find((v) => v.key === current);
  return (
    <nav className={styles.nav} aria-label={language === 'en' ? 'Views' : 'Vyer'}>
      <div className={mergeClasses(shared.page, styles.bar)}>
        <TabList
          className={styles.list}
          // No tab is selected while a view of the menu is open.
          selectedValue={inMenu ? null : current}
          onTabSelect={(_event, data) => onNavigate(data.value as ViewKey)}
          size="medium"
        >
          <Tab value="overview">{OVERVIEW_LABEL[language]}</Tab>
          {tabs.map((entry) => (
            <Tab key={entry.key} value={entry.key}>
              {entry.label[language]}
            </Tab>
          ))}
        </TabList>
        {menu.length > 0 && (
          <Menu
            checkedValues={{ view: inMenu ? [inMenu.key] : [] }}
            onCheckedValueChange={(_event, data) => {
              const picked = data.checkedItems[0];
              if (picked) onNavigate(picked as ViewKey);
            }}
          >
            <MenuTrigger disableButtonEnhancement>
              <MenuButton
                appearance="subtle"
                className={mergeClasses(styles.menuButton, inMenu && styles.current)}
                aria-current={inMenu ? 'page' : undefined}
              >
                {inMenu ? `${FOLLOW_UP_LABEL[language]}: ${inMenu.label[language]}` : FOLLOW_UP_LABEL[language]}
              </MenuButton>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {menu.map((entry) => (
                  <MenuItemRadio key={entry.key} name="view" value={entry.key}>
                    {entry.label[language]}
                  </MenuItemRadio>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
      </div>
    </nav>
  );
}
