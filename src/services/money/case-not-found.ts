import { DomainError } from '../../domain/errors.ts';

/** NOT_FOUND for a case id that names no case. */
export function caseNotFound(caseId: string): DomainError {
  return new DomainError('NOT_FOUND', `no case ${caseId}`, [
    { code: 'not_found', path: ['caseId'], message: 'no such case' },
  ]);
}
