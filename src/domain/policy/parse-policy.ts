import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import { toIssues } from '../contract/parse-case.ts';
import type { Issue, Result } from '../errors.ts';
import { type Policy, PolicySchema } from './policy.schema.ts';

/** A line and column in a policy file, 1-based. */
export type SourcePosition = { line: number; column: number };

/** A parsed policy, and a way back from a path in it to where the file says it. */
export type LocatedPolicy = {
  result: Result<Policy>;
  /** The position of the deepest node on the path that the file has: a missing key points at its parent. */
  locate(path: Issue['path']): SourcePosition | undefined;
};

/**
 * Reads a policy from YAML text: YAML syntax first, then the schema, every
 * problem with the path of the field and its line and column in the file.
 */
export function parsePolicy(text: string): Result<Policy> {
  return parsePolicyLocated(text).result;
}

/** Like `parsePolicy`, keeping the YAML document so that later findings (lint, examples) can name a line. */
export function parsePolicyLocated(text: string): LocatedPolicy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const locate = (path: Issue['path']) => {
    const offset = nearestNodeOffset(doc, path);
    return offset === undefined ? undefined : at(lineCounter.linePos(offset));
  };
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { code: 'yaml_syntax', path: [], message: e.message.split('\n')[0] ?? e.code, ...at(pos) };
    });
    return { result: { ok: false, issues }, locate: () => undefined };
  }
  const parsed = PolicySchema.safeParse(doc.toJS());
  if (parsed.success) return { result: { ok: true, value: parsed.data }, locate };
  const issues = toIssues(parsed.error).map((issue) => ({ ...issue, ...locate(issue.path) }));
  return { result: { ok: false, issues }, locate };
}

const at = (pos: { line: number; col: number }): SourcePosition => ({ line: pos.line, column: pos.col });

function nearestNodeOffset(doc: Document, path: Issue['path']): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}
