import type { When } from '../policy.schema.ts';

/** Visits a `when` and every `when` nested in its `any` and `not`, each with its path. */
export function walkWhen(
  when: When | undefined,
  path: (string | number)[],
  visit: (when: When, path: (string | number)[]) => void,
): void {
  if (!when) return;
  visit(when, path);
  when.any?.forEach((w, i) => {
    walkWhen(w, [...path, 'any', i], visit);
  });
  walkWhen(when.not, [...path, 'not'], visit);
}
