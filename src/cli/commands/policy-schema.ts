import { policyJsonSchema } from '../../domain/policy/policy-json-schema.ts';

/** The text `loupe policy schema` prints, and `npm run schema` keeps in policies/policy.schema.json. */
export function policySchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}

/** `loupe policy schema`: prints the policy format as JSON Schema, for editors. */
export function policySchemaCommand(): number {
  process.stdout.write(policySchemaText());
  return 0;
}
