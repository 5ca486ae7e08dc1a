/**
 * Screenshots of the browser tests are for people to look at, never compared by a test. Taking
 * one costs about half a second and the suite has some seventy, so they are taken only when
 * SCREENS_DIR names a folder: `SCREENS_DIR=test-results npm test` (docs/testing.md).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page, PageScreenshotOptions } from 'playwright-core';

const dir = process.env.SCREENS_DIR ? path.resolve(process.env.SCREENS_DIR) : null;

export async function screenshot(page: Page, file: string, options: Omit<PageScreenshotOptions, 'path'> = {}): Promise<void> {
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ ...options, path: path.join(dir, file) });
}
