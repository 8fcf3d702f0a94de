import { isNode, LineCounter, parseDocument } from 'yaml';
import { toIssues } from '../contract/parse-case.ts';
import type { Issue, Result } from '../errors.ts';
import { type Policy, PolicySchema } from './policy.schema.ts';

/**
 * Reads a policy from YAML text: YAML syntax first, then the schema, every
 * problem with the path of the field and its line and column in the file.
 */
export function parsePolicy(text: string): Result<Policy> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { code: 'yaml_syntax', path: [], message: e.message.split('\n')[0] ?? e.code, ...at(pos) };
      }),
    };
  }
  const parsed = PolicySchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: toIssues(parsed.error).map((issue) => {
      const offset = nearestNodeOffset(doc, issue.path);
      return offset === undefined ? issue : { ...issue, ...at(lineCounter.linePos(offset)) };
    }),
  };
}

const at = (pos: { line: number; col: number }) => ({ line: pos.line, column: pos.col });

/** The source offset of the deepest node on the path that exists: a missing key points at its parent. */
function nearestNodeOffset(doc: ReturnType<typeof parseDocument>, path: Issue['path']): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}
