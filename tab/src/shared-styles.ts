/** Styles shared by several views: page-level resets and the visually-hidden helper. */
import { makeStaticStyles, makeStyles, tokens, type GriffelStyle } from '@fluentui/react-components';

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

/**
 * The headings and lead paragraph the views write alike: spread into a view's makeStyles
 * (`h2: pageText.h2`), so they cannot drift apart.
 */
export const pageText = {
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  lead: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
} satisfies Record<string, GriffelStyle>;

/** A card's surface on the page, with a border where forced colours remove the shadow: `...cardSurface`. */
export const cardSurface = {
  backgroundColor: tokens.colorNeutralBackground1,
  borderRadius: tokens.borderRadiusMedium,
  boxShadow: tokens.shadow4,
  '@media (forced-colors: active)': { border: `${tokens.strokeWidthThin} solid CanvasText` },
} satisfies GriffelStyle;
