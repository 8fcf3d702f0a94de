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

/** The Aulso rules four ways, plus Loupe's whole decision; the first four are what the ratios compare. */
export const aulsoTargets: Target[] = [
  {
    id: 'aulso:loupe',
    group: AULSO,
    name: "Loupe's engine",
    cases: aulsoMix().length,
    async prepare() {
      const policy = aulsoPolicy();
      const list = aulsoCases();
      return {
        pass: () => {
          for (const c of list) sink += loupeRulesAnswer(policy, c).lines.length;
        },
      };
    },
  },
  {
    id: 'aulso:json-rules-engine',
    group: AULSO,
    name: 'json-rules-engine',
    cases: aulsoMix().length,
    async prepare() {
      const jre = createJsonRulesEngineAulso();
      const list = aulsoCases();
      return {
        pass: async () => {
          for (const c of list) sink += (await jre(c)).lines.length;
        },
      };
    },
  },
  {
    id: 'aulso:zen',
    group: AULSO,
    name: 'GoRules ZEN',
    cases: aulsoMix().length,
    async prepare() {
      const zen = createZenAulso();
      const list = aulsoCases();
      return {
        pass: async () => {
          for (const c of list) sink += (await zen.decide(c)).lines.length;
        },
        dispose: () => zen.dispose(),
      };
    },
  },
  {
    id: 'aulso:hand-written',
    group: AULSO,
    name: 'hand-written TypeScript',
    cases: aulsoMix().length,
    async prepare() {
      const list = aulsoCases();
      return {
        pass: () => {
          for (const c of list) sink += decideAulsoByHand(c).lines.length;
        },
      };
    },
  },
  {
    id: 'aulso:loupe-whole',
    group: AULSO,
    name: "Loupe's engine, whole decision",
    cases: aulsoMix().length,
    async prepare() {
      const policy = aulsoPolicy();
      const list = aulsoCases();
      return {
        pass: () => {
          for (const c of list) sink += decide(policy, c).lines.length;
        },
      };
    },
  },
];

/** Every target in the order a run measures them. */
export const TARGETS: Target[] = [...shopTargets, ...aulsoTargets];
