/**
 * Mounts the tab (imported by main.tsx once the first API calls are on their way). Everything the
 * first view draws is imported from here, so scripts/build-tab.mjs preloads this module's chunks
 * together with app.js.
 */
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app-shell';
import { firstAnswers, type Preloads } from './preload';
import { startBrowserHost } from './teams-host';

/**
 * How long the first render may wait for the first view's answers (preload.ts, firstAnswers) in a
 * browser. They were asked for while this code loaded, so they are usually in by now; when they
 * are not, the loading states show after this long, as before.
 */
const FIRST_ANSWERS_WAIT_MS = 250;

export function start(preloads: Preloads): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('Arbetsrum: #root is missing from index.html');

  // Fluent UI (Griffel) writes its CSS into <style> elements at run time. Under a CSP without
  // 'unsafe-inline' for styles, the server puts a per-request nonce in
  // <meta name="csp-nonce" content="…"> and lists it in style-src; we give it to those elements.
  const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') || undefined;
  const renderer = createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : {});

  const root = createRoot(container);
  const browserHost = startBrowserHost();
  // Inside Teams the app first connects to Teams (and shows that it does): no wait there.
  const ready = browserHost ? firstAnswers(preloads, FIRST_ANSWERS_WAIT_MS) : Promise.resolve();
  void ready.then(() =>
    root.render(
      <StrictMode>
        <RendererProvider renderer={renderer} targetDocument={document}>
          <App preloads={preloads} browserHost={browserHost} />
        </RendererProvider>
      </StrictMode>,
    ),
  );
}
