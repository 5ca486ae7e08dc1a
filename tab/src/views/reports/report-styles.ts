/** The styles the Rapporter view and its parts share (one hook, so the parts look alike). */
import { makeStyles, tokens } from '@fluentui/react-components';
import { cardSurface, pageText } from '../../shared-styles';

export const useReportStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  intro: pageText.intro,
  h2: pageText.h2,
  h3: pageText.h3,
  lead: pageText.lead,
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    ...cardSurface,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  form: {
    display: 'flex',
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  date: { width: '11rem', maxWidth: '100%' },
  p: { margin: 0 },
  tableWrap: {
    maxWidth: '100%',
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase300,
    minWidth: '100%',
    '& th, & td': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
      verticalAlign: 'top',
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& td.num, & th.num': { textAlign: 'end', whiteSpace: 'nowrap' },
  },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  status: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});
