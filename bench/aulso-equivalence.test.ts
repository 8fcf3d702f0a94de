import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AULSO_RULES, type AulsoAnswer } from './aulso/answer.ts';
import { decideAulsoByHand } from './aulso/hand-written.ts';
import { createJsonRulesEngineAulso } from './aulso/json-rules-engine.ts';
import { createZenAulso } from './aulso/zen.ts';
import { aulsoMix } from './cases.ts';
import { bundledPolicy, comparable, decide, loupeRulesAnswer } from './loupe.ts';

const mix = aulsoMix();
const zen = createZenAulso();
const byHand = new Map<string, AulsoAnswer>();
const byJre = new Map<string, AulsoAnswer>();
const byZen = new Map<string, AulsoAnswer>();

beforeAll(async () => {
  const jre = createJsonRulesEngineAulso();
  for (const { name, case: c } of mix) {
    byHand.set(name, decideAulsoByHand(c));
    byJre.set(name, await jre(c));
    byZen.set(name, await zen.decide(c));
  }
});
afterAll(() => zen.dispose());

/** Names each case whose two answers differ, with both answers, so a failure says where and how. */
function disagreements<T>(a: (name: string) => T, b: (name: string) => T): string[] {
  return mix
    .filter(({ name }) => JSON.stringify(a(name)) !== JSON.stringify(b(name)))
    .map(({ name }) => `${name}: ${JSON.stringify(a(name))} vs ${JSON.stringify(b(name))}`);
}

const answer = (answers: Map<string, AulsoAnswer>) => (name: string) => {
  const found = answers.get(name);
  if (!found) throw new Error(`no answer for ${name}`);
  // Key order differs between engines' outputs: compare a fixed shape.
  const lines = found.lines.map((l) => ({
    id: l.id,
    rule: l.rule,
    outcome: l.outcome,
    resolutions: [...l.resolutions].sort(),
    returnShippingPaidBy: l.returnShippingPaidBy,
    shippingRefunded: l.shippingRefunded,
  }));
  return { ...comparable(found), lines };
};

describe('the Aulso comparison implementations', () => {
  it('json-rules-engine gives the hand-written answer on every case of the mix', () => {
    expect(disagreements(answer(byHand), answer(byJre))).toEqual([]);
  });

  it('ZEN gives the hand-written answer on every case of the mix', () => {
    expect(disagreements(answer(byHand), answer(byZen))).toEqual([]);
  });

  it('the mix makes every Aulso rule fire', () => {
    const fired = new Set([...byHand.values()].flatMap((a) => a.lines.map((l) => l.rule)));
    expect([...AULSO_RULES].filter((r) => !fired.has(r))).toEqual([]);
  });

  it('the hand-written function gives the outcome each worked Aulso case expects', () => {
    const file = JSON.parse(readFileSync(new URL('../../shared/scenarios/aulso.json', import.meta.url), 'utf8')) as {
      scenarios: { name: string; expect: { outcome: string } }[];
    };
    const wrong = file.scenarios
      .filter((s) => byHand.get(s.name)?.outcome !== s.expect.outcome)
      .map((s) => `${s.name}: ${byHand.get(s.name)?.outcome} (expected ${s.expect.outcome})`);
    expect(wrong).toEqual([]);
  });
});

const policy = bundledPolicy('aulso');

describe("Loupe's engine on the Aulso mix", () => {
  const loupe = (name: string) => {
    const c = mix.find((m) => m.name === name)?.case;
    if (!c || !policy) throw new Error(`no case ${name}`);
    return comparable(decide(policy, c));
  };
  const hand = (name: string) => comparable(answer(byHand)(name));

  it('agrees with the hand-written function on outcome and remedies', () => {
    const pick = (a: ReturnType<typeof comparable>) => ({ outcome: a.outcome, resolutions: a.resolutions });
    expect(
      disagreements(
        (n) => pick(hand(n)),
        (n) => pick(loupe(n)),
      ),
    ).toEqual([]);
  });

  it('agrees with the hand-written function on who pays the return shipping, where the outcomes agree', () => {
    const wrong = mix
      .map(({ name }) => ({ name, h: hand(name), l: loupe(name) }))
      .filter(({ h, l }) => h.outcome === l.outcome && h.returnShippingPaidBy !== l.returnShippingPaidBy)
      .map(({ name, h, l }) => `${name}: ${h.returnShippingPaidBy} vs ${l.returnShippingPaidBy}`);
    expect(wrong).toEqual([]);
  });

  it('gives the same answer from its rules alone as from its whole decision', () => {
    const rulesOnly = (name: string) => {
      const c = mix.find((m) => m.name === name)?.case;
      if (!c || !policy) throw new Error(`no case ${name}`);
      return comparable(loupeRulesAnswer(policy, c));
    };
    expect(disagreements(rulesOnly, loupe)).toEqual([]);
  });
});
