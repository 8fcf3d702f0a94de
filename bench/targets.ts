import type { Case } from '../src/domain/contract/case.schema.ts';
import { decideAulsoByHand } from './aulso/hand-written.ts';
import { createJsonRulesEngineAulso } from './aulso/json-rules-engine.ts';
import { createZenAulso } from './aulso/zen.ts';
import { aulsoMix, SHOPS, scenarioCases } from './cases.ts';
import { bundledPolicy, decide, loupeRulesAnswer } from './loupe.ts';

/** One thing to time: a pass decides every case of its mix once, in order. */
export type Target = {
  id: string;
  group: string;
  name: string;
  cases: number;
  /** Builds the pass; the sink receives every answer so no work can be optimised away. */
  prepare(): Promise<{ pass: () => unknown; dispose?: () => void }>;
};

let sink = 0;
/** Folds answers into a number nobody reads, but the compiler cannot prove that. */
export const readSink = () => sink;

const shopTargets: Target[] = SHOPS.map((shop) => ({
  id: `shop:${shop}`,
  group: 'scenario mix',
  name: `Loupe: ${shop}`,
  cases: scenarioCases(shop).length,
  async prepare() {
    const policy = bundledPolicy(shop);
    if (!policy) throw new Error(`no policies/${shop}.yaml`);
    const list = scenarioCases(shop).map((n) => n.case);
    return {
      pass: () => {
        for (const c of list) sink += decide(policy, c).lines.length;
      },
    };
  },
}));

const aulsoCases = (): Case[] => aulsoMix().map((n) => n.case);
const aulsoPolicy = () => {
  const policy = bundledPolicy('aulso');
  if (!policy) throw new Error('policies/aulso.yaml is missing: the comparison needs Loupe reading Aulso');
  return policy;
};
const AULSO = 'Aulso mix';

/** An Aulso target: one answer per case of the mix, synchronous or awaited; `dispose` frees a native engine. */
function aulsoTarget(
  id: string,
  name: string,
  build: () => { answer: (c: Case) => { lines: unknown[] } | Promise<{ lines: unknown[] }>; dispose?: () => void },
): Target {
  return {
    id,
    group: AULSO,
    name,
    cases: aulsoMix().length,
    async prepare() {
      const { answer, dispose } = build();
      const list = aulsoCases();
      const sync = !(answer(list[0] as Case) instanceof Promise);
      const pass = sync
        ? () => {
            for (const c of list) sink += (answer(c) as { lines: unknown[] }).lines.length;
          }
        : async () => {
            for (const c of list) sink += (await answer(c)).lines.length;
          };
      return dispose ? { pass, dispose } : { pass };
    },
  };
}

/** The Aulso rules four ways, plus Loupe's whole decision; the first four are what the ratios compare. */
export const aulsoTargets: Target[] = [
  aulsoTarget('aulso:loupe', "Loupe's engine", () => {
    const policy = aulsoPolicy();
    return { answer: (c) => loupeRulesAnswer(policy, c) };
  }),
  aulsoTarget('aulso:json-rules-engine', 'json-rules-engine', () => ({ answer: createJsonRulesEngineAulso() })),
  aulsoTarget('aulso:zen', 'GoRules ZEN', () => {
    const zen = createZenAulso();
    return { answer: (c) => zen.decide(c), dispose: () => zen.dispose() };
  }),
  aulsoTarget('aulso:hand-written', 'hand-written TypeScript', () => ({ answer: decideAulsoByHand })),
  aulsoTarget('aulso:loupe-whole', "Loupe's engine, whole decision", () => {
    const policy = aulsoPolicy();
    return { answer: (c) => decide(policy, c) };
  }),
];

/** Every target in the order a run measures them. */
export const TARGETS: Target[] = [...shopTargets, ...aulsoTargets];
