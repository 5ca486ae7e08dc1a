/**
 * The look of the action dialog: its facts, the history and the form to change the action.
 * One hook, shared by the dialog, its history lines and the form.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { pageText } from '../../shared-styles';

export const useActionDialogStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 16px))', padding: tokens.spacingHorizontalL },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  h3: pageText.h3,
  history: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  when: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  comment: { display: 'block', fontStyle: 'italic', overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 170px), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
  },
  /** A long name shortens the select, not widens the dialog. */
  select: { minWidth: 0, maxWidth: '100%' },
  badge: { marginInlineStart: tokens.spacingHorizontalXS },
});
