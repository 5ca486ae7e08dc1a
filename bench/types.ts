/**
 * What a benchmark case is and what it reports. A case measures Arbetsrum and, in the same run,
 * a baseline (the framework's floor, the platform's limit): the ratio is what holds on a noisy
 * machine, the absolute figures are there to read.
 */

/** A limit on a measure's own value (`≤ 300 KB`) or on its ratio to the baseline (`ratio ≤ 1.5`). */
export interface Target {
  of: 'value' | 'ratio';
  op: '<=' | '>=';
  limit: number;
}

export interface Measure {
  /** What was measured, e.g. "first view JS+CSS, gzipped". */
  measure: string;
  /** The unit of `arbetsrum` and `baseline`: "KB" (1 024 bytes), "ms", "/s", or "" for a count. */
  unit: string;
  arbetsrum: number;
  /** The same measure of the baseline, taken in the same run; absent where there is none. */
  baseline?: number;
  target?: Target;
}

/** One row of the results: a measure with its ratio and whether it met its target. */
export interface Row extends Measure {
  case: string;
  /** arbetsrum / baseline, or null without a baseline. */
  ratio: number | null;
  /** Whether the target was met, or null without a target. */
  ok: boolean | null;
}

export interface CaseResult {
  measures: Measure[];
  /** Everything behind the figures (single runs, files, versions), kept in bench/results.json. */
  details: Record<string, unknown>;
  /** Why a target was missed and what would close it, or how to read the figures. */
  notes?: string[];
}

export interface BenchContext {
  /** The project folder. */
  root: string;
  /** Timed repetitions per side, where a case repeats (`--runs N`); a case may use its own minimum. */
  runs: number | undefined;
  /** Progress on stderr, so the table on stdout stays clean. */
  log(message: string): void;
}

export interface BenchCase {
  /** Short name, used on the command line (`npm run bench -- tab`) and as the table's case column. */
  name: string;
  /** One line: what it measures against what. */
  title: string;
  run(context: BenchContext): Promise<CaseResult>;
}
