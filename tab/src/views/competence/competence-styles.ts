/**
 * The look of the Kompetensutveckling view: its headings and the white lists the year plan, the
 * activities and the suggestions sit in. One hook, shared by the view and its list items.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { cardSurface, pageText } from '../../shared-styles';

export const useCompetenceStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, paddingBlock: tokens.spacingVerticalL },
  head: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  h2: pageText.h2,
  h3: pageText.h3,
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  lead: pageText.lead,
  part: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    ...cardSurface,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    ':last-child': { borderBottom: 'none' },
    '@media (max-width: 480px)': { paddingInline: tokens.spacingHorizontalM },
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  text: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  inner: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  label: { fontWeight: tokens.fontWeightSemibold },
  month: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  planDate: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  dateInput: { maxWidth: '11rem' },
  link: { color: tokens.colorBrandForegroundLink, overflowWrap: 'anywhere' },
});
