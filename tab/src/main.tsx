/**
 * Entry point of the Arbetsrum tab (bundled by scripts/build-tab.mjs into tab/dist/app.js). It is
 * kept small on purpose: it starts the first view's API calls (preload.ts), then imports the app,
 * whose chunks the browser is already fetching (index.html preloads them), and mounts it.
 */
import { meAnswered, startPreloads } from './preload';

/** At most this long for `me` before the app's code runs anyway (see meAnswered). */
const ME_WAIT_MS = 150;

const preloads = startPreloads();
meAnswered(preloads, ME_WAIT_MS)
  .then(() => import('./app'))
  .then(
    ({ start }) => start(preloads),
    (error: unknown) => console.error('Arbetsrum: could not load the tab', error),
  );
