/**
 * Fault injection for retry tests: every Nth request of the chosen route families is answered
 * with 429 or 503 and a Retry-After, before it is handled (so nothing was done), as Graph's
 * throttling does. Tests can switch it on and off while the stand-in runs.
 */
import { GraphHttpError } from './graph-http';

/** upload: every drive route and uploadUrl; mail: sendMail and Sent Items; events: mailbox calendars; all: everything. */
export type FaultFamily = 'upload' | 'mail' | 'events' | 'all';

export interface GraphFaults {
  everyNth: number;
  status: 429 | 503;
  retryAfterSeconds: number;
  /** Default ['all']. */
  routes?: FaultFamily[];
}

const FAMILIES: readonly string[] = ['upload', 'mail', 'events', 'all'];

export function checkFaults(faults: GraphFaults): void {
  const ok =
    Number.isInteger(faults.everyNth) &&
    faults.everyNth >= 1 &&
    (faults.status === 429 || faults.status === 503) &&
    Number.isInteger(faults.retryAfterSeconds) &&
    faults.retryAfterSeconds >= 0 &&
    (faults.routes === undefined || (faults.routes.length > 0 && faults.routes.every((r) => FAMILIES.includes(r))));
  if (!ok)
    throw new Error(
      'faults need everyNth ≥ 1, status 429 or 503, a whole retryAfterSeconds ≥ 0 and routes from upload, mail, events, all.',
    );
}

export class FaultInjector {
  private faults: GraphFaults | null = null;
  private seen = 0;

  /** Replaces the faults (null: none) and starts counting afresh. */
  set(faults: GraphFaults | null): void {
    if (faults) checkFaults(faults);
    this.faults = faults ? { ...faults, routes: [...(faults.routes ?? ['all'])] } : null;
    this.seen = 0;
  }

  /** Throws the injected error when this request is the Nth of its families. */
  apply(family: Exclude<FaultFamily, 'all'> | 'other'): void {
    const faults = this.faults;
    if (!faults) return;
    const routes = faults.routes ?? ['all'];
    if (!routes.includes('all') && !(routes as string[]).includes(family)) return;
    this.seen += 1;
    if (this.seen % faults.everyNth !== 0) return;
    const headers = { 'Retry-After': String(faults.retryAfterSeconds) };
    if (faults.status === 429) {
      throw new GraphHttpError(429, 'TooManyRequests', 'Too many requests; retry after the number of seconds in Retry-After.', headers);
    }
    throw new GraphHttpError(
      503,
      'serviceNotAvailable',
      'The service is temporarily unavailable; retry after Retry-After seconds.',
      headers,
    );
  }
}
