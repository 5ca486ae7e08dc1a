/** The styles the Rapporter view and its parts share (one hook, so the parts look alike). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useReportStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  lead: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    minWidth: 0,
    '@media (forced-colors: active)': { border: `${tokens.strokeWidthThin} solid CanvasText` },
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
