/**
 * The configurable channel tab's configuration page: which group the tab shows and which view
 * it opens on. Teams' Save button becomes active once both are chosen (they are from the start:
 * the first group, the overview), and saves the tab's content URL.
 */
import { Body1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Me } from '../../api-types';
import { useI18n, type Language } from '../../i18n';
import type { ViewKey } from '../../route';
import { useSharedStyles } from '../../shared-styles';
import type { TabConfig } from '../../teams-host';
import { OVERVIEW_LABEL, VIEWS } from '../view-registry';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalXL,
    maxWidth: '36rem',
  },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  lead: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const TEXT: Record<Language, { title: string; lead: string; group: string; view: string; name: (group: string) => string }> = {
  sv: {
    title: 'Lägg till Arbetsrum',
    lead: 'Välj arbetsgruppen som fliken ska visa och vyn den öppnas i. Tryck sedan på Spara.',
    group: 'Arbetsgrupp',
    view: 'Öppnas i',
    name: (group) => `Arbetsrum – ${group}`,
  },
  en: {
    title: 'Add Arbetsrum',
    lead: 'Choose the working group the tab shows and the view it opens in. Then press Save.',
    group: 'Working group',
    view: 'Opens in',
    name: (group) => `Arbetsrum – ${group}`,
  },
};

export function contentUrlFor(origin: string, groupId: string, view: ViewKey): string {
  return `${origin}/tab/?inTeams=1&group=${encodeURIComponent(groupId)}#/${view}`;
}

export function TabConfigView({ me, configureTab }: { me: Me; configureTab: (config: TabConfig | null) => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { language } = useI18n();
  const text = TEXT[language];
  const [groupId, setGroupId] = useState(me.groups[0]?.id ?? '');
  const [view, setView] = useState<ViewKey>('overview');
  const views = [
    { key: 'overview' as ViewKey, label: OVERVIEW_LABEL[language] },
    ...VIEWS.filter((v) => v.inNavigation && !v.strategistsOnly).map((v) => ({ key: v.key as ViewKey, label: v.label[language] })),
  ];

  useEffect(() => {
    const group = me.groups.find((g) => g.id === groupId);
    configureTab(
      group
        ? {
            contentUrl: contentUrlFor(window.location.origin, group.id, view),
            entityId: `arbetsrum-${group.id}-${view}`,
            suggestedDisplayName: text.name(group.name),
          }
        : null,
    );
  }, [groupId, view, me.groups, configureTab, text]);

  return (
    <main id="main" tabIndex={-1} className={shared.page}>
      <div className={styles.root}>
        <h1 className={styles.h1}>{text.title}</h1>
        <Body1 as="p" className={styles.lead}>
          {text.lead}
        </Body1>
        <Field label={text.group}>
          <Select value={groupId} onChange={(_event, data) => setGroupId(data.value)}>
            {me.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={text.view}>
          <Select value={view} onChange={(_event, data) => setView(data.value as ViewKey)}>
            {views.map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </main>
  );
}
