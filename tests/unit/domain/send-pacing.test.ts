import { CONVERSATION_WINDOWS, SendHistory, TENANT_WINDOWS, retryDelay } from '../../../bot/src/domain/send-pacing';

/** Sends `count` messages as fast as the history allows, from t = 0; returns the send times. */
function paced(history: SendHistory, count: number): number[] {
  const times: number[] = [];
  let now = 0;
  for (let i = 0; i < count; i += 1) {
    now += history.delayFor(now);
    history.record(now);
    times.push(now);
  }
  return times;
}

const maxInAnyWindow = (times: number[], ms: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

describe('send pacing', () => {
  it('keeps a fan-out at 50 a second per tenant, and close to it', () => {
    const times = paced(new SendHistory(TENANT_WINDOWS), 500);
    expect(maxInAnyWindow(times, 1000)).toBe(50);
    expect(times.at(-1)!).toBeLessThanOrEqual(9000 + 1); // 500 messages in ~9 s: at the limit, not below it
  });

  it("keeps one conversation under all of Teams' windows", () => {
    const times = paced(new SendHistory(CONVERSATION_WINDOWS), 120);
    expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(7);
    expect(maxInAnyWindow(times, 2000)).toBeLessThanOrEqual(8);
    expect(maxInAnyWindow(times, 30_000)).toBeLessThanOrEqual(60);
    expect(times[60]!).toBeGreaterThanOrEqual(30_000);
  });

  it('counts a send from its answer, so a slow request cannot let the fifty-first into its second', () => {
    const history = new SendHistory(TENANT_WINDOWS);
    history.record(0);
    history.settle(0, 300); // the first request took 300 ms to be answered; the next 49 went at once
    for (let at = 301; at < 350; at += 1) history.record(at);
    // Counted from the send the fifty-first could go at 1000; it waits for 1000 ms after the answer.
    expect(history.delayFor(1000)).toBe(300);
    expect(history.delayFor(1300)).toBe(0);
  });

  it('keeps its times in order when sends are answered out of order', () => {
    const history = new SendHistory([{ limit: 2, ms: 1000 }]);
    history.record(0);
    history.record(10);
    history.settle(0, 500);
    history.settle(10, 20);
    // In the window: 20 and 500; the oldest (20) leaves it first.
    expect(history.delayFor(600)).toBe(420);
  });

  it('waits as Retry-After says, else backs off exponentially with jitter, capped at a minute', () => {
    expect(retryDelay(1, 3000, 0.9)).toBe(3000);
    expect(retryDelay(1, null, 0.5)).toBe(500);
    expect(retryDelay(3, null, 0.5)).toBe(2000);
    expect(retryDelay(20, null, 0.999)).toBeLessThanOrEqual(60_000);
    expect(retryDelay(20, null, 0)).toBe(0);
  });
});
