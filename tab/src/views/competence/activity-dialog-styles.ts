/** The look of the activity dialog: a one-column form whose fields sit in a grid that wraps in a narrow window. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useActivityDialogStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 16px))', padding: tokens.spacingHorizontalL },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 160px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  wide: { gridColumn: '1 / -1' },
  /** Fluent's inputs keep a minimum width of their own: in a grid cell they must shrink with it. */
  control: { width: '100%', minWidth: 0 },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  counts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 200px), 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  actionList: { maxHeight: '12rem', overflowY: 'auto', display: 'flex', flexDirection: 'column' },
});
