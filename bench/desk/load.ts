// autocannon against the Loupe server: N connections for T seconds, each
// request's body made fresh (a distinct order each time), every non-2xx
// counted and a few kept to show.
import autocannon from 'autocannon';

/** One request to send: its path, body and headers; `tag` names it in `okTags` when it succeeds. */
export type LoadRequest = { path: string; body: string; headers?: Record<string, string>; tag?: number };

/** What one load run measured. */
export type LoadResult = {
  /** Answers with a 2xx status per second of the run (fillers not counted, see `Connection`). */
  okPerSecond: number;
  ok: number;
  /** Requests handed to autocannon; those still in flight when the time is up are sent but never answered. */
  sent: number;
  non2xx: number;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
  timeouts: number;
  /** The first connection error, if any. */
  firstError: string | undefined;
  p50Ms: number;
  p99Ms: number;
  averageMs: number;
  seconds: number;
  /** Statuses other than 2xx with the first body of each, to show what went wrong. */
  failures: { status: number; count: number; body: string }[];
  /** The tags of the requests answered with a 2xx. */
  okTags: number[];
  /** True when `next` ran out of requests before the time was up (the run was ended there). */
  exhausted: boolean;
};

export type LoadOptions = {
  url: string;
  connections: number;
  /** How long to send; ignored when `amount` is given. */
  seconds: number;
  /** Send exactly this many requests instead (autocannon's `amount`), e.g. to seed. */
  amount?: number;
  /** Seconds before a request without an answer counts as an error (autocannon's default: 10). */
  timeoutSeconds?: number;
  /** The next request to send, or undefined when there is none left. */
  next: () => LoadRequest | undefined;
};

/**
 * What autocannon keeps per connection about the request in flight on it (one
 * at a time, no pipelining): its tag, and whether it is a filler, sent only
 * because autocannon needs a request while the run stops.
 */
type Connection = { tag?: number | undefined; filler?: boolean };

/** Runs autocannon with a fresh request body for every request. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const failures = new Map<number, { status: number; count: number; body: string }>();
  const okTags: number[] = [];
  let exhausted = false;
  let sent = 0;
  let firstError: string | undefined;
  let ok = 0;
  let instance: autocannon.Instance | undefined;

  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        ...(options.amount === undefined ? {} : { amount: options.amount }),
        ...(options.timeoutSeconds === undefined ? {} : { timeout: options.timeoutSeconds }),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request, context) => {
              const next = exhausted ? undefined : options.next();
              const connection = context as Connection;
              connection.tag = next?.tag;
              connection.filler = next === undefined;
              if (next) {
                sent++;
                return {
                  ...request,
                  path: next.path,
                  body: next.body,
                  headers: { ...request.headers, ...next.headers },
                };
              }
              if (!exhausted) {
                exhausted = true;
                setImmediate(() => instance?.stop());
              }
              // autocannon must send something; a health check changes nothing and is not counted.
              return { ...request, method: 'GET', path: '/api/v1/health', body: '' };
            },
            onResponse: (status, body, context) => {
              const { tag, filler } = context as Connection;
              if (filler) return;
              if (status >= 200 && status < 300) {
                ok++;
                if (tag !== undefined) okTags.push(tag);
                return;
              }
              const seen = failures.get(status);
              if (seen) seen.count++;
              else failures.set(status, { status, count: 1, body: body.slice(0, 500) });
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('reqError', (error: unknown) => {
      firstError ??= error instanceof Error ? error.message : String(error);
    });
  });
  const result = await done;
  return {
    okPerSecond: ok / result.duration,
    ok,
    sent,
    non2xx: [...failures.values()].reduce((n, f) => n + f.count, 0),
    errors: result.errors,
    timeouts: result.timeouts,
    firstError,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    averageMs: result.latency.average,
    seconds: result.duration,
    failures: [...failures.values()],
    okTags,
    exhausted,
  };
}
