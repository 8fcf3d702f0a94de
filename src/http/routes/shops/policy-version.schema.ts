import { z } from 'zod';

/** A version of a shop's policy as listed. */
export const PolicyVersionViewSchema = z.object({
  id: z.string(),
  shop: z.string(),
  version: z.string(),
  effectiveFrom: z.string().describe('orders placed from then on are decided under it'),
  createdAt: z.string(),
  inForce: z.boolean().describe('the version new orders fall under now'),
});

/** One finding of the policy linter. */
export const LintFindingSchema = z.object({
  level: z.enum(['error', 'warning']),
  code: z.string(),
  clause: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** A draft or new version's YAML text, as a JSON string. */
export const PolicyYamlSchema = z
  .string()
  .min(1)
  .max(1_000_000)
  .describe('the policy file (YAML), as policies/policy.schema.json describes it');
