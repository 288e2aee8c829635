/**
 * Per-grant rate limit: an in-process token bucket of `ratePerMinute` tokens refilled evenly over
 * a minute. A multi-process deployment needs a shared limiter (e.g. a PostgreSQL or Redis
 * counter): with N processes behind a balancer each enforces the rate on its own, so a grant may
 * get up to N × its rate.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number; rate: number }>();

  /** Takes one token; returns 0 when allowed, else the seconds to wait before the next token. */
  take(key: string, ratePerMinute: number, nowMs: number): number {
    let b = this.buckets.get(key);
    if (!b || b.rate !== ratePerMinute) {
      b = { tokens: ratePerMinute, at: nowMs, rate: ratePerMinute };
      this.buckets.set(key, b);
    }
    const perMs = ratePerMinute / 60_000;
    b.tokens = Math.min(ratePerMinute, b.tokens + (nowMs - b.at) * perMs);
    b.at = nowMs;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
  }
}
