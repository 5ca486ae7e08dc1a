/**
 * A closed-loop load: `concurrency` callers, each sending its next request when the last is
 * answered, for a window of time; what was answered, how fast, and the first failure.
 */
import { performance } from 'node:perf_hooks';
import { percentile, round } from '../report';

export interface Window {
  completed: number;
  errors: number;
  ms: number;
  latencies: number[];
  firstError?: string;
}

/** Closed loop: `concurrency` callers, each sending its next request when the last is answered, until `ms` are up. */
export async function load(concurrency: number, ms: number, send: () => Promise<string | null>): Promise<Window> {
  const window: Window = { completed: 0, errors: 0, ms: 0, latencies: [] };
  const started = performance.now();
  const until = started + ms;
  const caller = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const problem = await send().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      const t1 = performance.now();
      if (problem === null) {
        window.completed += 1;
        window.latencies.push(t1 - t0);
      } else {
        window.errors += 1;
        window.firstError ??= problem;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  // Requests started before the deadline finish after it: the window lasts until the last answer.
  window.ms = performance.now() - started;
  return window;
}

/** Windows of one side at one level, together: rate, p50 and p99 latency, failures, and each window's own rate. */
export function summarise(ws: readonly Window[]) {
  const latencies = ws.flatMap((w) => w.latencies);
  const completed = ws.reduce((s, w) => s + w.completed, 0);
  const seconds = ws.reduce((s, w) => s + w.ms, 0) / 1000;
  return {
    perSecond: completed / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    completed,
    errors: ws.reduce((s, w) => s + w.errors, 0),
    firstError: ws.find((w) => w.firstError)?.firstError,
    windows: ws.map((w) => round(w.completed / (w.ms / 1000), 1)),
  };
}
