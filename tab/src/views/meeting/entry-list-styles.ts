/**
 * The look of the Möte view's entry lists (follow-up, scheduled messages): each entry a bold
 * title, a subtle line under it, and a wrapping row of badge and details. Lists, not tables, so
 * they read well in a 280 px side panel too.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useEntryListStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, backgroundColor: tokens.colorNeutralBackground1 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  sub: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  text: { overflowWrap: 'anywhere' },
});
