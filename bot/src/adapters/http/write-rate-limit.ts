/**
 * A per-person limit on the tab API's writes: one person (or one stolen token) cannot flood the
 * group's agenda, proposals or mail. A token bucket per signed-in person: `perMinute` writes a
 * minute on average, up to `burst` at once. Reads and the bot endpoint are not limited here (the
 * bot's own callers are Teams' servers). One instance keeps its own buckets: with several
 * instances a person gets the limit per instance, which still stops a flood.
 */
import type { Next, Request, Response } from 'restify';
import type { Authenticator } from './authenticator';
import type { SessionIdentity } from './dev-token';

export interface WriteRateLimit {
  perMinute: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Buckets of people idle long enough to be full again are dropped past this many. */
const MAX_BUCKETS = 10_000;

export function writeRateLimit(
  limit: WriteRateLimit,
  authenticator: Authenticator,
  now: () => number = () => performance.now(),
): (req: Request, res: Response, next: Next) => void {
  const buckets = new Map<string, Bucket>();
  const perMs = limit.perMinute / 60_000;

  const refill = (bucket: Bucket, at: number): void => {
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (at - bucket.at) * perMs);
    bucket.at = at;
  };

  const prune = (at: number): void => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= limit.burst) buckets.delete(key);
    }
  };

  const take = (who: SessionIdentity, res: Response, next: Next): void => {
    const at = now();
    const key = `${who.tenantId}\u0000${who.personId}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= MAX_BUCKETS) prune(at);
      bucket = { tokens: limit.burst, at };
      buckets.set(key, bucket);
    }
    refill(bucket, at);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      next();
      return;
    }
    const waitSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    res.header('Retry-After', String(waitSeconds));
    res.header('Cache-Control', 'no-store');
    res.status(429);
    res.json({
      code: 'rate-limited',
      message: `För många ändringar på kort tid. Vänta ${waitSeconds} s och försök igen. (Too many changes in a short time: wait ${waitSeconds} s and try again.)`,
    });
    next(false);
  };

  // Callback style, not async: restify continues the chain when an async handler resolves, and
  // a refused write must stop here.
  return (req, res, next) => {
    const path = req.path();
    if (!WRITE_METHODS.has(req.method ?? '') || !path.startsWith('/api/') || path === '/api/messages' || path.startsWith('/api/dev/')) {
      next();
      return;
    }
    authenticator.authenticate(req).then(
      // Someone not signed in is refused by the route itself (401).
      (who) => (who ? take(who, res, next) : next()),
      () => next(),
    );
  };
}
