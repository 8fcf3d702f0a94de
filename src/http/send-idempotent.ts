import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.ts';
import { hashRequest } from '../services/hash-request.ts';
import type { ServiceContext } from '../services/service-context.ts';
import { withIdempotency } from '../services/with-idempotency.ts';
import { IdempotencyHeadersSchema } from './idempotency-key.schema.ts';

/**
 * A creating POST: its route pattern, its key (none: it runs every time) and
 * the shop the key is scoped to, its input as read, and the use case to run,
 * answering the status and body to send.
 */
export type IdempotentPost = {
  route: string;
  key: string | undefined;
  shopId: string;
  input: unknown;
  work: (ctx: ServiceContext) => Promise<{ status: number; body: unknown }>;
};

/**
 * Runs a creating POST at most once per `Idempotency-Key` and answers with its
 * result, or the first answer again on a retry (`Idempotent-Replayed: true`).
 * Without a key it runs and answers as any route does. The caller has checked
 * that the actor may act in the shop before: a stored answer is replayed to
 * whoever sends its key.
 */
export async function sendIdempotent(
  ctx: ServiceContext,
  reply: FastifyReply,
  post: IdempotentPost,
): Promise<FastifyReply> {
  if (post.key === undefined) {
    const answer = await post.work(ctx);
    return reply.status(answer.status).send(answer.body);
  }
  const answer = await withIdempotency(
    ctx,
    { shopId: post.shopId, key: post.key, route: post.route, requestHash: hashRequest(post.input) },
    post.work,
  );
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(answer.status).type('application/json; charset=utf-8').send(answer.body);
}

/** The request's `Idempotency-Key`; MISSING_INPUT (400) naming the header when there is none. */
export function readIdempotencyKey(request: FastifyRequest): string {
  const key = readOptionalIdempotencyKey(request);
  if (key === undefined)
    throw new DomainError(
      'MISSING_INPUT',
      'Idempotency-Key: this POST needs the header, a unique string per intended operation (a UUID), so a retry cannot do it twice',
      [{ code: 'missing_input', path: ['Idempotency-Key'], message: 'required' }],
    );
  return key;
}

/** The request's `Idempotency-Key`, or undefined when it sends none; INVALID_INPUT (400) for a malformed one. */
export function readOptionalIdempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined || value === '') return undefined;
  const parsed = IdempotencyHeadersSchema.shape['idempotency-key'].safeParse(value);
  if (!parsed.success)
    throw new DomainError('INVALID_INPUT', 'Idempotency-Key: one value of 1 to 255 characters', [
      { code: 'invalid_input', path: ['Idempotency-Key'], message: 'one value of 1 to 255 characters' },
    ]);
  return parsed.data;
}
