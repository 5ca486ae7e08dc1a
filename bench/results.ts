/**
 * bench/results.json and the figures block of docs/performance.md. Both are rewritten by every
 * run, with sorted keys and Prettier's formatting, so a rerun shows up in a diff as changed
 * figures only and `npm run lint` stays clean.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describeMachine, type Machine } from './machine';
import { markdownTable, replaceDocBlock, stableJson } from './report';
import type { Row } from './types';

export interface CaseRecord {
  title: string;
  ranAt: string;
  /** The machine's load average (1, 5, 15 min) when the case started: a busy machine moves the times. */
  loadAverage: number[];
  seconds: number;
  rows: Row[];
  notes: string[];
  details: Record<string, unknown>;
  /** Why the case could not finish; its rows are then empty. */
  error?: string;
}

export interface Results {
  machine: Machine;
  cases: Record<string, CaseRecord>;
}

export async function readResults(file: string): Promise<Results | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Results;
  } catch {
    return null;
  }
}

/**
 * The new run's cases over the previous file's. A case run alone (`npm run bench -- tab`) keeps
 * the others' figures only when they were measured on the same machine: figures from two
 * machines side by side would mislead.
 */
export function mergeResults(previous: Results | null, current: Results): Results {
  const sameMachine = previous !== null && stableJson(previous.machine) === stableJson(current.machine);
  return { machine: current.machine, cases: { ...(sameMachine ? previous.cases : {}), ...current.cases } };
}

async function writeFormatted(file: string, text: string): Promise<void> {
  // Loaded on use: Prettier's CommonJS entry imports ESM at load, which a plain jest run cannot.
  const { format, resolveConfig } = await import('prettier');
  const options = (await resolveConfig(file)) ?? {};
  await writeFile(file, await format(text, { ...options, filepath: file }));
}

export async function writeResults(file: string, results: Results): Promise<void> {
  await writeFormatted(file, stableJson(results));
}

/** The figures block for docs/performance.md: when, on what, the table, and each case's notes. */
export function docBlock(results: Results, order: readonly string[]): string {
  const names = Object.keys(results.cases).sort((a, b) => rank(order, a) - rank(order, b));
  const records = names.flatMap((name) => {
    const record = results.cases[name];
    return record ? [[name, record] as const] : [];
  });
  const dates = [...new Set(records.map(([, r]) => r.ranAt.slice(0, 10)))].sort();
  const loads = records.map(([name, r]) => `${name} ${r.loadAverage.map((l) => l.toFixed(1)).join(' / ')}`);
  const lines = [
    `Measured ${dates.join(', ')} on ${describeMachine(results.machine)}.`,
    '',
    `Load average (1 / 5 / 15 min) when each case started: ${loads.join('; ')}.`,
    '',
    markdownTable(records.flatMap(([, r]) => r.rows)),
  ];
  for (const [name, record] of records) {
    if (record.error) lines.push('', `**${name}** could not finish: ${record.error}`);
    for (const note of record.notes) lines.push('', `**${name}**: ${note}`);
  }
  return lines.join('\n');
}

function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i === -1 ? order.length : i;
}

export async function updateDoc(file: string, block: string): Promise<void> {
  const doc = await readFile(file, 'utf8').catch(() => '# Performance\n');
  await writeFormatted(file, replaceDocBlock(doc, block));
}
