/**
 * The runner's pure parts: sizes, statistics, targets and the table, as text for the console
 * and as Markdown for docs/performance.md. No I/O here, so tests/unit/bench can hold them to it.
 */
import { gzipSync } from 'node:zlib';
import type { Measure, Row, Target } from './types';

/** Bytes after gzip at level 9: what a server compressing its static files at best sends. */
export function gzipSize(body: Uint8Array | string): number {
  return gzipSync(body, { level: 9 }).length;
}

/** Each body gzipped on its own, as the browser downloads them, and the sizes summed. */
export function sumGzip(bodies: readonly (Uint8Array | string)[]): number {
  return bodies.reduce((sum, body) => sum + gzipSize(body), 0);
}

export function kib(bytes: number): number {
  return round(bytes / 1024, 1);
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The nearest-rank percentile (p in 0…100) of the values: always one of the values measured. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

export function meets(target: Target, value: number): boolean {
  return target.op === '<=' ? value <= target.limit : value >= target.limit;
}

export function toRow(caseName: string, measure: Measure): Row {
  const ratio = measure.baseline === undefined || measure.baseline === 0 ? null : measure.arbetsrum / measure.baseline;
  let ok: boolean | null = null;
  if (measure.target) {
    const compared = measure.target.of === 'ratio' ? ratio : measure.arbetsrum;
    ok = compared === null ? false : meets(measure.target, compared);
  }
  return { case: caseName, ...measure, ratio: ratio === null ? null : round(ratio, 2), ok };
}

const COLUMNS = ['case', 'measure', 'arbetsrum', 'baseline', 'ratio', 'target', 'ok'] as const;

function withUnit(value: number, unit: string): string {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit === '' ? shown : unit.startsWith('/') ? `${shown}${unit}` : `${shown} ${unit}`;
}

export function targetText(target: Target | undefined, unit: string): string {
  if (!target) return '';
  const op = target.op === '<=' ? '≤' : '≥';
  return target.of === 'ratio' ? `ratio ${op} ${target.limit}` : `${op} ${withUnit(target.limit, unit)}`;
}

/** The cells of a row, as both tables show them. */
export function cells(row: Row): string[] {
  return [
    row.case,
    row.measure,
    withUnit(row.arbetsrum, row.unit),
    row.baseline === undefined ? '' : withUnit(row.baseline, row.unit),
    row.ratio === null ? '' : `${row.ratio.toFixed(2)}×`,
    targetText(row.target, row.unit),
    row.ok === null ? '' : row.ok ? '✓' : '✗',
  ];
}

/** A plain-text table for the console: columns padded, a rule under the header. */
export function formatTable(rows: readonly Row[]): string {
  const header: string[] = [...COLUMNS];
  const body = rows.map(cells);
  const width = (value: string): number => [...value].length;
  const widths = header.map((title, i) => Math.max(width(title), ...body.map((line) => width(line[i] ?? ''))));
  const line = (values: string[]): string =>
    values
      .map((value, i) => value + ' '.repeat((widths[i] ?? 0) - width(value)))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

/** The same table in Markdown (Prettier aligns it when the document is written). */
export function markdownTable(rows: readonly Row[]): string {
  const escape = (value: string): string => value.replaceAll('|', '\\|');
  const line = (values: string[]): string => `| ${values.map(escape).join(' | ')} |`;
  return [line([...COLUMNS]), line(COLUMNS.map(() => '---')), ...rows.map((row) => line(cells(row)))].join('\n');
}

/** JSON with every object's keys sorted, so a rerun changes only the figures in a diff. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) + '\n';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export const DOC_START = '<!-- bench:start — written by `npm run bench`; edit outside these markers -->';
export const DOC_END = '<!-- bench:end -->';

/** Puts `block` between the markers of `doc`, or appends the markers and block when there are none. */
export function replaceDocBlock(doc: string, block: string): string {
  const start = doc.indexOf(DOC_START);
  const end = doc.indexOf(DOC_END);
  const fenced = `${DOC_START}\n\n${block.trim()}\n\n${DOC_END}`;
  if (start === -1 || end === -1 || end < start) return `${doc.trimEnd()}\n\n${fenced}\n`;
  return doc.slice(0, start) + fenced + doc.slice(end + DOC_END.length);
}
