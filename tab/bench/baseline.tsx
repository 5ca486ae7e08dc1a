/**
 * The benchmark's baseline page (bench/cases/tab.ts), never shipped: the least a Teams tab on
 * React 19 and Fluent UI v9 brings to a browser — the Teams theme, one Text and one Button — with
 * teams-js loaded on demand the way tab/src/teams-host.ts does it, so a plain browser never
 * downloads it. scripts/build-tab.mjs builds it with the tab's own esbuild options and index.html,
 * so the tab's size and first render are measured against the framework's floor, not zero.
 */
import { Button, FluentProvider, Text, teamsLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function framed(): boolean {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
}

async function connectToTeams(): Promise<void> {
  const { app } = await import('@microsoft/teams-js');
  await app.initialize();
}

if (framed()) connectToTeams().catch(() => undefined);

const container = document.getElementById('root');
if (!container) throw new Error('baseline: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <FluentProvider theme={teamsLightTheme}>
      <Text as="p">Arbetsrum</Text>
      <Button appearance="primary">Öppna</Button>
    </FluentProvider>
  </StrictMode>,
);
