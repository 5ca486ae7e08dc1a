/**
 * `npm run bench` — issue 9's benchmarks, each against a baseline measured in the same run.
 *
 *   npm run bench                 every case
 *   npm run bench -- tab          only the named cases (the others' figures are kept if they
 *                                 were measured on this machine)
 *   npm run bench -- --runs 11    more timed repetitions where a case repeats
 *
 * Prints the machine and a table (case | measure | arbetsrum | baseline | ratio | target | ok),
 * writes bench/results.json and the figures block of docs/performance.md. A missed target is a
 * finding, not a failure: the exit code is 1 only when a case could not run. Tests never assert
 * timings; this is where they are looked at.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cases } from './cases';
import { describeMachine, readMachine } from './machine';
import { formatTable, toRow } from './report';
import { docBlock, mergeResults, readResults, updateDoc, writeResults, type CaseRecord, type Results } from './results';
import type { BenchContext } from './types';

const root = path.resolve(__dirname, '..');
const resultsFile = path.join(root, 'bench', 'results.json');
const docFile = path.join(root, 'docs', 'performance.md');

function parseArgs(argv: readonly string[]): { names: string[]; runs: number | undefined } {
  const names: string[] = [];
  let runs: number | undefined;
  const rest = [...argv];
  for (let arg = rest.shift(); arg !== undefined; arg = rest.shift()) {
    if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg.includes('=') ? arg.slice('--runs='.length) : rest.shift();
      runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number, not "${value ?? ''}"`);
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      names.push(arg);
    }
  }
  return { names, runs };
}

async function main(): Promise<number> {
  const { names, runs } = parseArgs(process.argv.slice(2));
  const unknown = names.filter((n) => !cases.some((c) => c.name === n));
  if (unknown.length > 0) throw new Error(`no such case: ${unknown.join(', ')} (cases: ${cases.map((c) => c.name).join(', ')})`);
  const selected = names.length === 0 ? cases : cases.filter((c) => names.includes(c.name));

  const machine = readMachine();
  process.stdout.write(`bench on ${describeMachine(machine)}\n\n`);

  const current: Results = { machine, cases: {} };
  for (const benchCase of selected) {
    const context: BenchContext = { root, runs, log: (message) => process.stderr.write(`  [${benchCase.name}] ${message}\n`) };
    process.stderr.write(`${benchCase.name}: ${benchCase.title}\n`);
    const started = performance.now();
    const ranAt = new Date().toISOString();
    const loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100);
    let record: CaseRecord;
    try {
      const result = await benchCase.run(context);
      record = {
        title: benchCase.title,
        ranAt,
        loadAverage,
        seconds: 0,
        rows: result.measures.map((m) => toRow(benchCase.name, m)),
        notes: result.notes ?? [],
        details: result.details,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`  [${benchCase.name}] could not finish: ${message}\n`);
      record = { title: benchCase.title, ranAt, loadAverage, seconds: 0, rows: [], notes: [], details: {}, error: message };
    }
    record.seconds = Math.round((performance.now() - started) / 100) / 10;
    current.cases[benchCase.name] = record;
  }

  const rows = Object.values(current.cases).flatMap((r) => r.rows);
  process.stdout.write(`\n${formatTable(rows)}\n\n`);
  const missed = rows.filter((r) => r.ok === false).length;
  const failed = Object.entries(current.cases).filter(([, r]) => r.error);
  process.stdout.write(
    `targets: ${rows.filter((r) => r.ok === true).length} met, ${missed} missed` +
      (failed.length > 0 ? `; cases that could not run: ${failed.map(([n]) => n).join(', ')}` : '') +
      '\n',
  );

  const merged = mergeResults(await readResults(resultsFile), current);
  await writeResults(resultsFile, merged);
  await updateDoc(
    docFile,
    docBlock(
      merged,
      cases.map((c) => c.name),
    ),
  );
  process.stdout.write(`wrote ${path.relative(root, resultsFile)} and the figures in ${path.relative(root, docFile)}\n`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
