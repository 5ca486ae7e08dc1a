/**
 * Teams' limits on proactive messages, as sliding windows: 50 requests a second per app and
 * tenant; per conversation 7 a second, 8 in 2 s, 60 in 30 s, 1 800 an hour. Fan-out asks
 * `delayFor` before each send and waits that long, so it stays under the limits instead of
 * running into 429s. Pure: the caller brings the clock.
 */
export interface Window {
  limit: number;
  ms: number;
}

export const TENANT_WINDOWS: readonly Window[] = [{ limit: 50, ms: 1000 }];

export const CONVERSATION_WINDOWS: readonly Window[] = [
  { limit: 7, ms: 1000 },
  { limit: 8, ms: 2000 },
  { limit: 60, ms: 30_000 },
  { limit: 1800, ms: 3_600_000 },
];

/** Send times within the longest window, oldest first. */
export class SendHistory {
  private readonly times: number[] = [];

  constructor(private readonly windows: readonly Window[]) {}

  /** How long to wait from `now` until one more send fits every window. */
  delayFor(now: number): number {
    this.forget(now);
    let wait = 0;
    for (const window of this.windows) {
      const inWindow = this.times.filter((t) => t > now - window.ms);
      if (inWindow.length >= window.limit) {
        // The send that must leave the window first, for one more to fit.
        const blocking = inWindow[inWindow.length - window.limit] ?? now;
        wait = Math.max(wait, blocking + window.ms - now);
      }
    }
    return wait;
  }

  record(at: number): void {
    this.insert(at);
  }

  /**
   * The send recorded at `sentAt` was answered at `answeredAt`: from now on it counts from then.
   * Teams counts a request when it arrives, and we only know it has arrived once its answer is
   * here. Counted from the answer, a request that was slow on its way (a busy event loop, the
   * network) cannot let a later one reach Teams inside the same window; counted from the send, one
   * did (a 429 in the connector stand-in, under load).
   */
  settle(sentAt: number, answeredAt: number): void {
    if (answeredAt <= sentAt) return;
    const index = this.times.lastIndexOf(sentAt);
    if (index < 0) return;
    this.times.splice(index, 1);
    this.insert(answeredAt);
  }

  /** Keeps the times oldest first (concurrent sends may be answered out of order). */
  private insert(at: number): void {
    let index = this.times.length;
    while (index > 0 && (this.times[index - 1] ?? Number.NEGATIVE_INFINITY) > at) index -= 1;
    this.times.splice(index, 0, at);
  }

  private forget(now: number): void {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    while ((this.times[0] ?? Number.POSITIVE_INFINITY) <= now - longest) this.times.shift();
  }
}

/**
 * How long to wait before trying again: the server's Retry-After when it gave one, otherwise
 * exponential backoff from 1 s with full jitter, capped at 60 s. `random` is in [0, 1).
 */
export function retryDelay(attempt: number, retryAfterMs: number | null, random: number): number {
  // A Retry-After beyond a minute is not waited out in one go: the delivery is tried again later.
  if (retryAfterMs !== null && retryAfterMs >= 0) return Math.min(retryAfterMs, 60_000);
  const ceiling = Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * random);
}
