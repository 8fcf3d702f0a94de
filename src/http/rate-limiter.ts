import { DomainError } from '../domain/errors.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { type AttemptsCounting, countAttempts, recordAttempt } from '../storage/repositories/rate-limit-attempts.ts';

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
 * in a sliding window, in the database: every server process on it shares one
 * count, and a restart forgets nothing. A key past the limit is refused until
 * its oldest attempt leaves the window.
 */
export class RateLimiter {
  constructor(
    private readonly db: LoupeDatabase,
    private readonly limit: RateLimit,
    private readonly clock: () => Date,
  ) {}

  /** RATE_LIMITED (429, with the seconds to wait) when the key has used its attempts. */
  async assertAllowed(key: string, what: string): Promise<void> {
    this.assertWithin(await countAttempts(this.db, key, this.clock()), what);
  }

  /** The same, for attempts a caller read along with its own look-up (one round trip fewer). */
  assertWithin({ count, firstExpiresAt }: AttemptsCounting, what: string): void {
    if (count < this.limit.attempts) return;
    const now = this.clock();
    const wait = Math.max(1, Math.ceil(((firstExpiresAt ?? now).getTime() - now.getTime()) / 1000));
    throw new RateLimitedError(`too many ${what} attempts: try again in ${wait} s`, wait);
  }

  /** Counts one attempt of the key. */
  async record(key: string): Promise<void> {
    const now = this.clock();
    await recordAttempt(this.db, key, now, new Date(now.getTime() + this.limit.windowMs));
  }

  /** Counts an attempt, refusing it when the key has used its attempts. */
  async hit(key: string, what: string): Promise<void> {
    await this.assertAllowed(key, what);
    await this.record(key);
  }
}
