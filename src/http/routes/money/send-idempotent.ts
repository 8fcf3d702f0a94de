import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import { hashRequest } from '../../../services/money/hash-request.ts';
import { withIdempotency } from '../../../services/money/with-idempotency.ts';
import type { ServiceContext } from '../../../services/service-context.ts';
import { IdempotencyHeadersSchema } from './money.schema.ts';

/** A creating POST: its route pattern, its key and the shop it is scoped to, its input as read, and the use case to run. */
export type IdempotentPost = {
  route: string;
  key: string;
  shopId: string;
  input: unknown;
  work: (ctx: ServiceContext) => Promise<unknown>;
};

/**
 * Runs a creating POST at most once per `Idempotency-Key` and answers 201 with
 * its result, or the first answer again on a retry (`Idempotent-Replayed:
 * true`).
 */
export async function sendIdempotent(
  ctx: ServiceContext,
  reply: FastifyReply,
  post: IdempotentPost,
): Promise<FastifyReply> {
  const answer = await withIdempotency(
    ctx,
    { shopId: post.shopId, key: post.key, route: post.route, requestHash: hashRequest(post.input) },
    async (inTx) => ({ status: 201, body: await post.work(inTx) }),
  );
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(answer.status).type('application/json; charset=utf-8').send(answer.body);
}

/** The request's `Idempotency-Key`; MISSING_INPUT (400) naming the header when there is none. */
export function readIdempotencyKey(request: FastifyRequest): string {
  const value = request.headers['idempotency-key'];
  const path = ['Idempotency-Key'];
  if (value === undefined || value === '')
    throw new DomainError(
      'MISSING_INPUT',
      'Idempotency-Key: this POST needs the header, a unique string per intended operation (a UUID), so a retry cannot do it twice',
      [{ code: 'missing_input', path, message: 'required' }],
    );
  const parsed = IdempotencyHeadersSchema.shape['idempotency-key'].safeParse(value);
  if (!parsed.success)
    throw new DomainError('INVALID_INPUT', 'Idempotency-Key: one value of 1 to 255 characters', [
      { code: 'invalid_input', path, message: 'one value of 1 to 255 characters' },
    ]);
  return parsed.data;
}
