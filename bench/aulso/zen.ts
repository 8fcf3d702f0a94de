import { ZenEngine } from '@gorules/zen-engine';
import type { Case } from '../../src/domain/contract/case.schema.ts';
import { type AulsoAnswer, combineLines, type LineAnswer } from './answer.ts';
import { aulsoLineFacts } from './line-facts.ts';
import { AULSO_ZEN_GRAPH } from './zen-graph.ts';

/** The Aulso rules as a GoRules ZEN decision, one `evaluate` per case over all its lines. */
export function createZenAulso(): { decide: (c: Case) => Promise<AulsoAnswer>; dispose: () => void } {
  const engine = new ZenEngine();
  const decision = engine.createDecision(AULSO_ZEN_GRAPH);
  return {
    async decide(c) {
      const lines = aulsoLineFacts(c);
      const { result } = await decision.evaluate({ lines });
      const rows = (result as { lines: (Omit<LineAnswer, 'id'> | null)[] }).lines;
      return combineLines(
        rows.map((row, i) => {
          const id = lines[i]?.lineId ?? '';
          if (!row?.outcome) throw new Error(`no Aulso rule matched line ${id}`);
          return { id, ...row };
        }),
      );
    },
    dispose: () => engine.dispose(),
  };
}
