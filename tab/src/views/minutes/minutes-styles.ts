/** The card every part of the minutes sits on: Teams' white surface on the grey page, in every theme. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { cardSurface } from '../../shared-styles';

export const useCardStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    ...cardSurface,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
});
