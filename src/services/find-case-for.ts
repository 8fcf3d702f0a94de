import { DomainError } from '../domain/errors.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { type CaseRow, findCase } from '../storage/repositories/cases.ts';
import { assertMayAccessOrder } from './assert-access.ts';
import type { Actor } from './service-context.ts';

/** The case, once the actor may see it: NOT_FOUND (naming the path's `id`) or FORBIDDEN otherwise. */
export async function findCaseFor(db: LoupeDatabase, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await findCase(db, caseId);
  if (!row) {
    throw new DomainError('NOT_FOUND', `id: no case ${caseId}`, [
      { code: 'not_found', path: ['id'], message: 'no such case' },
    ]);
  }
  assertMayAccessOrder(actor, row);
  return row;
}
