/**
 * The system Chromium for browser tests (Debian's package; never a downloaded browser). Where
 * there is none, browser tests are skipped and say so.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

/**
 * Runs `body` where Chromium is installed. Elsewhere the tests are skipped and say why — except
 * on CI, where a missing browser is a failure: a green run must have run the browser tests.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (hasChromium) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium on CI', () => {
        throw new Error(`No Chromium at ${CHROMIUM_PATH}: .ci/run should have installed Debian's "chromium" package.`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM_PATH}; install Debian's "chromium" package)`, body);
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
