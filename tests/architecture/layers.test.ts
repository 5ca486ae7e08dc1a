/**
 * The layer rules of docs/architecture.md, checked by dependency-cruiser on the real code, and
 * proven able to fail on a fixture full of forbidden imports.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');

function cruise(cwd: string) {
  const run = spawnSync(process.execPath, [depcruise, 'bot/src', '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('layers', () => {
  it('hold in bot/src', () => {
    const result = cruise(root);
    expect(result.output).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  });

  it('are enforced: every forbidden import in the fixture is reported', () => {
    const result = cruise(path.join(root, 'tests', 'fixtures', 'layer-violations'));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/domain-is-pure: bot\/src\/domain\/meeting\.ts → .*botbuilder/);
    expect(result.output).toMatch(/app-sees-only-domain: bot\/src\/app\/plan\.ts → bot\/src\/adapters\/http\/server\.ts/);
    expect(result.output).toMatch(
      /adapters-never-import-each-other: bot\/src\/adapters\/teams\/bot\.ts → bot\/src\/adapters\/http\/server\.ts/,
    );
    expect(result.output).toMatch(/teams-sdk-stays-in-its-adapter: bot\/src\/adapters\/http\/server\.ts → .*botbuilder/);
    expect(result.output).toMatch(/domain-is-pure: bot\/src\/domain\/clock\.ts → (node:)?fs/);
    expect(result.output).toMatch(/only-main-wires: bot\/src\/app\/settings\.ts → bot\/src\/config\.ts/);
    expect(result.output).toMatch(/http-sdk-stays-in-its-adapter: bot\/src\/adapters\/storage\/routes\.ts → .*restify/);
    expect(result.output).toMatch(/no-circular: bot\/src\/domain\/(a|b)\.ts →\s+bot\/src\/domain\/(a|b)\.ts/);
  });
});
