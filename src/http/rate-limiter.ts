import { DomainError } from '../domain/errors.ts';

/** A refusal for too many attempts, with how many seconds until the next one may be tried (the Retry-After header). */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** How many attempts a key may make in a window. */
export type RateLimit = { attempts: number; windowMs: number };

/** Sign-in and look-ups: 10 attempts per 15 minutes per IP and identifier. */
export const SIGN_IN_LIMIT: RateLimit = { attempts: 10, windowMs: 15 * 60_000 };

/**
 * Counts attempts per key (an IP and what it tries: an email, an order number)
 * in a sliding window, in this process's memory: several processes each allow
 * the limit, and a restart forgets. A key past the limit is refused until its
 * oldest attempt leaves the window.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => Date,
  ) {}

  /** RATE_LIMITED (429, with the seconds to wait) when the key has used its attempts. */
  assertAllowed(key: string, what: string): void {
    const now = this.clock().getTime();
    const recent = this.recent(key, now);
    if (recent.length < this.limit.attempts) return;
    const oldest = recent[0] ?? now;
    const wait = Math.max(1, Math.ceil((oldest + this.limit.windowMs - now) / 1000));
    throw new RateLimitedError(`too many ${what} attempts: try again in ${wait} s`, wait);
  }

  /** Counts one attempt of the key. */
  record(key: string): void {
    const now = this.clock().getTime();
    this.hits.set(key, [...this.recent(key, now), now]);
    if (this.hits.size > 10_000) this.sweep(now);
  }

  /** Counts an attempt, refusing it when the key has used its attempts. */
  hit(key: string, what: string): void {
    this.assertAllowed(key, what);
    this.record(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > now - this.limit.windowMs);
  }

  private sweep(now: number): void {
    for (const key of [...this.hits.keys()]) {
      const recent = this.recent(key, now);
      if (recent.length === 0) this.hits.delete(key);
      else this.hits.set(key, recent);
    }
  }
}
