/** The bench's closed-loop load: callers keep one request each in flight, failures are counted apart. */
import { load, summarise } from '../../../bench/support/closed-loop';

describe('closed-loop load', () => {
  it('keeps as many requests in flight as callers, and counts failures apart from answers', async () => {
    let open = 0;
    let most = 0;
    let sent = 0;
    const window = await load(3, 50, async () => {
      const n = (sent += 1); // this request's number, before others change `sent` while it waits
      open += 1;
      most = Math.max(most, open);
      await new Promise((resolve) => setTimeout(resolve, 2));
      open -= 1;
      return n % 5 === 0 ? `failed ${n}` : null;
    });
    expect(most).toBe(3);
    expect(window.completed + window.errors).toBe(sent);
    expect(window.errors).toBe(Math.floor(sent / 5));
    expect(window.firstError).toBe('failed 5');
    expect(window.latencies).toHaveLength(window.completed);
    expect(window.ms).toBeGreaterThanOrEqual(50);
  });

  it('sums windows into one rate and percentiles', () => {
    const summary = summarise([
      { completed: 10, errors: 0, ms: 1000, latencies: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
      { completed: 30, errors: 1, ms: 1000, latencies: Array.from({ length: 30 }, () => 100), firstError: 'x' },
    ]);
    expect(summary.perSecond).toBe(20);
    expect(summary.windows).toEqual([10, 30]);
    expect(summary.errors).toBe(1);
    expect(summary.firstError).toBe('x');
    expect(summary.p99).toBe(100);
    expect(summary.p50).toBe(100);
  });
});
