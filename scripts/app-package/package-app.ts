/**
 * `npm run package -- --env <name>`: fills appPackage/ from env/.env.<name>, validates it offline
 * and writes appPackage/build/appPackage.<name>.zip, ready to upload to Teams. Exit code 2 and a
 * message naming what is wrong (a missing variable, a schema error) otherwise.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_PACKAGE_DIR, buildAppPackage } from './build-package';
import { PackageError } from './fill-placeholders';

const root = path.resolve(__dirname, '../..');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { env: { type: 'string' } } });
  const name = values.env ?? '';
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new PackageError('usage: npm run package -- --env <name> (reads env/.env.<name>)');
  const outFile = await buildAppPackage({
    envFile: path.join(root, 'env', `.env.${name}`),
    outFile: path.join(APP_PACKAGE_DIR, 'build', `appPackage.${name}.zip`),
  });
  process.stdout.write(`wrote ${path.relative(root, outFile)}\n`);
}

main().catch((error: unknown) => {
  if (!(error instanceof PackageError)) throw error;
  process.stderr.write(`npm run package: ${error.message}\n`);
  process.exitCode = 2;
});
