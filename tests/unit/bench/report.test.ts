/**
 * The bench runner's pure parts: sizes, statistics, targets, the tables and the results files.
 * No timings are asserted here (or anywhere in the tests): `npm run bench` measures, tests check arithmetic.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Machine } from '../../../bench/machine';
import {
  cells,
  DOC_END,
  DOC_START,
  formatTable,
  gzipSize,
  kib,
  markdownTable,
  median,
  percentile,
  replaceDocBlock,
  stableJson,
  sumGzip,
  toRow,
} from '../../../bench/report';
import { docBlock, mergeResults, type CaseRecord, type Results } from '../../../bench/results';
import { describeTimeline } from '../../../bench/support/timeline';

describe('gzip sizes', () => {
  it('measures the gzip of a body at level 9, which unpacks to the body', () => {
    const body = Buffer.from('export const x = 1;\n'.repeat(500));
    const size = gzipSize(body);
    expect(size).toBeGreaterThan(20);
    expect(size).toBeLessThan(body.length / 10);
    expect(gzipSize(body.toString())).toBe(size);
    expect(gzipSync(body, { level: 9 }).length).toBe(size);
    expect(gunzipSync(gzipSync(body, { level: 9 })).equals(body)).toBe(true);
  });

  it('sums each file gzipped on its own, as the browser downloads them', () => {
    const a = Buffer.from('a'.repeat(10_000));
    const b = Buffer.from('a'.repeat(10_000));
    expect(sumGzip([a, b])).toBe(gzipSize(a) + gzipSize(b));
    // Gzipped together they would compress better: the sum is not the size of the concatenation.
    expect(sumGzip([a, b])).toBeGreaterThan(gzipSize(Buffer.concat([a, b])));
    expect(sumGzip([])).toBe(0);
  });

  it('reports KB as 1 024 bytes with one decimal', () => {
    expect(kib(1024)).toBe(1);
    expect(kib(307_200)).toBe(300);
    expect(kib(1536)).toBe(1.5);
    expect(kib(1100)).toBe(1.1);
  });
});

describe('statistics', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const values = [9, 1, 5];
    expect(median(values)).toBe(5);
    expect(values).toEqual([9, 1, 5]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('takes nearest-rank percentiles, always a measured value', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });
});

describe('targets and rows', () => {
  it('judges a value target on the value and a ratio target on the ratio', () => {
    const size = toRow('tab', { measure: 'size', unit: 'KB', arbetsrum: 240, baseline: 80, target: { of: 'value', op: '<=', limit: 300 } });
    expect(size).toMatchObject({ case: 'tab', ratio: 3, ok: true });
    const time = toRow('tab', { measure: 'time', unit: 'ms', arbetsrum: 240, baseline: 80, target: { of: 'ratio', op: '<=', limit: 1.5 } });
    expect(time).toMatchObject({ ratio: 3, ok: false });
    const throughput = toRow('bot', {
      measure: 'turns',
      unit: '/s',
      arbetsrum: 70,
      baseline: 100,
      target: { of: 'ratio', op: '>=', limit: 0.7 },
    });
    expect(throughput.ok).toBe(true);
  });

  it('has no ratio without a baseline, and then fails a ratio target rather than passing it', () => {
    const row = toRow('x', { measure: 'm', unit: 'ms', arbetsrum: 5, target: { of: 'ratio', op: '<=', limit: 1.5 } });
    expect(row.ratio).toBeNull();
    expect(row.ok).toBe(false);
    expect(toRow('x', { measure: 'm', unit: '', arbetsrum: 5 }).ok).toBeNull();
  });

  it('shows units, ratio, target and a pass/fail mark in the cells', () => {
    const ok = toRow('tab', {
      measure: 'size',
      unit: 'KB',
      arbetsrum: 238.5,
      baseline: 91.9,
      target: { of: 'value', op: '<=', limit: 300 },
    });
    expect(cells(ok)).toEqual(['tab', 'size', '238.5 KB', '91.9 KB', '2.60×', '≤ 300 KB', '✓']);
    const missed = toRow('tab', {
      measure: 'time',
      unit: 'ms',
      arbetsrum: 1500,
      baseline: 500,
      target: { of: 'ratio', op: '<=', limit: 1.5 },
    });
    expect(cells(missed).slice(2)).toEqual(['1500 ms', '500 ms', '3.00×', 'ratio ≤ 1.5', '✗']);
    expect(cells(toRow('bot', { measure: 'rate', unit: '/s', arbetsrum: 12.5 })).slice(2)).toEqual(['12.5/s', '', '', '', '']);
  });
});

describe('tables', () => {
  const rows = [
    toRow('tab', {
      measure: 'first view JS+CSS, gzipped',
      unit: 'KB',
      arbetsrum: 238.5,
      baseline: 91.9,
      target: { of: 'value', op: '<=', limit: 300 },
    }),
    toRow('tab', { measure: 'time', unit: 'ms', arbetsrum: 1500, baseline: 500, target: { of: 'ratio', op: '<=', limit: 1.5 } }),
  ];

  it('prints a console table with aligned columns under a header', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^case \| measure +\| arbetsrum \| baseline \| ratio \| target +\| ok$/);
    expect(lines[1]).toMatch(/^-+-\|-/);
    // Every separator sits at the same column on every line.
    const bars = (line: string): number[] => [...line].flatMap((ch, i) => (ch === '|' ? [i] : []));
    expect(bars(lines[2]!)).toEqual(bars(lines[0]!));
    expect(bars(lines[3]!)).toEqual(bars(lines[0]!));
    expect(lines[3]).toContain('✗');
  });

  it('writes the same table in Markdown', () => {
    const lines = markdownTable(rows).split('\n');
    expect(lines[0]).toBe('| case | measure | arbetsrum | baseline | ratio | target | ok |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- | --- | --- |');
    expect(lines[2]).toBe('| tab | first view JS+CSS, gzipped | 238.5 KB | 91.9 KB | 2.60× | ≤ 300 KB | ✓ |');
  });
});

describe('results files', () => {
  it('writes JSON with every key sorted, arrays in their order, undefined left out', () => {
    const text = stableJson({ b: 1, a: { d: [3, 1, { z: 1, y: 2 }], c: undefined } });
    expect(text).toBe(JSON.stringify({ a: { d: [3, 1, { y: 2, z: 1 }] }, b: 1 }, null, 2) + '\n');
    expect(stableJson({ y: 1, x: 2 })).toBe(stableJson({ x: 2, y: 1 }));
  });

  const machine: Machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 8, os: 'Linux', node: 'v24.0.0' };
  const record = (ranAt: string): CaseRecord => ({
    title: 't',
    ranAt,
    loadAverage: [1, 0.5, 0.25],
    seconds: 1,
    rows: [toRow('tab', { measure: 'm', unit: 'ms', arbetsrum: 2, baseline: 1 })],
    notes: ['a note'],
    details: {},
  });

  it('keeps the other cases of an earlier run on the same machine, and drops them from another machine', () => {
    const previous: Results = { machine, cases: { bot: record('2026-01-01T00:00:00Z'), tab: record('2026-01-01T00:00:00Z') } };
    const current: Results = { machine, cases: { tab: record('2026-02-01T00:00:00Z') } };
    const merged = mergeResults(previous, current);
    expect(Object.keys(merged.cases).sort()).toEqual(['bot', 'tab']);
    expect(merged.cases.tab?.ranAt).toBe('2026-02-01T00:00:00Z');
    expect(Object.keys(mergeResults({ ...previous, machine: { ...machine, cores: 4 } }, current).cases)).toEqual(['tab']);
    expect(Object.keys(mergeResults(null, current).cases)).toEqual(['tab']);
  });

  it('describes the machine, the load, the table and the notes in the docs block', () => {
    const block = docBlock({ machine, cases: { tab: record('2026-02-01T10:00:00Z') } }, ['tab']);
    expect(block).toContain('Measured 2026-02-01 on Test CPU, 2 cores, 8 GiB memory, Linux, Node.js v24.0.0.');
    expect(block).toContain('tab 1.0 / 0.5 / 0.3');
    expect(block).toContain('| tab | m | 2 ms | 1 ms | 2.00× |  |  |');
    expect(block).toContain('**tab**: a note');
  });

  it('replaces the block between the markers and keeps the rest of the document', () => {
    const doc = `# Performance\n\nintro\n\n${DOC_START}\nold figures\n${DOC_END}\n\n## Reproduce\n`;
    const updated = replaceDocBlock(doc, 'new figures');
    expect(updated).toBe(`# Performance\n\nintro\n\n${DOC_START}\n\nnew figures\n\n${DOC_END}\n\n## Reproduce\n`);
    expect(replaceDocBlock(updated, 'newer')).toContain('newer');
    expect(replaceDocBlock(updated, 'newer')).not.toContain('new figures');
    expect(replaceDocBlock('# Performance\n', 'first')).toBe(`# Performance\n\n${DOC_START}\n\nfirst\n\n${DOC_END}\n`);
  });
});

describe('timelines', () => {
  it('sums up where a load spent its time', () => {
    const text = describeTimeline(
      [
        { name: 'document', start: 0, end: 10 },
        { name: '/tab/app.js', start: 20, end: 200 },
        { name: '/tab/chunks/a.js', start: 210, end: 290.6 },
        { name: 'DOMContentLoaded', start: 687.2, end: 688 },
        { name: '/api/session', start: 843, end: 938 },
        { name: '/api/groups/3f2a/overview?year=2026', start: 1273, end: 1386 },
      ],
      1425.3,
    );
    expect(text).toBe(
      '2 scripts in by 291 ms, DOMContentLoaded (scripts run) at 687 ms, ' +
        '2 API calls 843–1386 ms (/api/session → /api/groups/…/overview), first render at 1425 ms',
    );
  });
});
