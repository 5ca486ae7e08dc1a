/** Entry point of the Arbetsrum tab (bundled by scripts/build-tab.mjs into tab/dist/app.js). */
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app-shell';

const container = document.getElementById('root');
if (!container) throw new Error('Arbetsrum: #root is missing from index.html');

// Fluent UI (Griffel) writes its CSS into <style> elements at run time. Under a CSP without
// 'unsafe-inline' for styles, the server puts a per-request nonce in
// <meta name="csp-nonce" content="…"> and lists it in style-src; we give it to those elements.
const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') || undefined;
const renderer = createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : {});

createRoot(container).render(
  <StrictMode>
    <RendererProvider renderer={renderer} targetDocument={document}>
      <App />
    </RendererProvider>
  </StrictMode>,
);
