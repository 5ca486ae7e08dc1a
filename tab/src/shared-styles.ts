/** Styles shared by several views: page-level resets and the visually-hidden helper. */
import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

export const useGlobalStyles = makeStaticStyles({
  'html, body': { margin: 0, padding: 0, minHeight: '100%' },
  '*, *::before, *::after': { boxSizing: 'border-box' },
  '@media (prefers-reduced-motion: reduce)': {
    '*, *::before, *::after': { animationDuration: '0.01ms', transitionDuration: '0.01ms' },
  },
});

export const useSharedStyles = makeStyles({
  /** Hidden on screen, read by screen readers. */
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  /** The content column every view uses, from a 280 px side panel to a wide channel tab. */
  page: {
    width: '100%',
    maxWidth: '1200px',
    marginInline: 'auto',
    paddingInline: tokens.spacingHorizontalXXL,
    '@media (max-width: 480px)': { paddingInline: tokens.spacingHorizontalM },
  },
});
