/**
 * `npm run icons`: redraws appPackage/color.png and appPackage/outline.png from icons.ts. The
 * PNGs are committed; tests/unit/app-package.test.ts checks that redrawing gives the same bytes,
 * so a change to the drawing code must come with the regenerated files.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawColorIcon, drawOutlineIcon } from './icons';

const appPackage = path.resolve(__dirname, '../../appPackage');
for (const [name, png] of [
  ['color.png', drawColorIcon()],
  ['outline.png', drawOutlineIcon()],
] as const) {
  writeFileSync(path.join(appPackage, name), png);
  process.stdout.write(`wrote appPackage/${name} (${png.length} bytes)\n`);
}
