import { DomainError } from '../../domain/errors.ts';
import { POLICY_PAGE_FORMATS, type PolicyPageFormat, renderPolicy } from '../../domain/policy/render-policy.ts';
import { loadPolicyFile } from '../../policies/load-policy-file.ts';

const isFormat = (f: string): f is PolicyPageFormat => (POLICY_PAGE_FORMATS as readonly string[]).includes(f);

/** `loupe policy render FILE`: writes the customer-facing page of a policy file to stdout. */
export function policyRenderCommand(file: string, options: { format: string }): number {
  const { format } = options;
  if (!isFormat(format))
    throw new DomainError('INVALID_INPUT', `--format: "${format}" is not one of ${POLICY_PAGE_FORMATS.join(', ')}`);
  process.stdout.write(renderPolicy(loadPolicyFile(file), format));
  return 0;
}
