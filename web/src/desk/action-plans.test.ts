import { describe, expect, it } from 'vitest';
import { ACTION_PLANS, outcomesOf, targetOf } from './action-plans';
import type { CaseAction, CaseState, Outcome } from './desk-types';

type Rule = { action: CaseAction; from: CaseState[]; to: CaseState | Record<string, CaseState>; roles: string[] };
// The server's table, loaded by a path the web's type-check does not follow: the domain is the server's to compile.
const domain = '../../../src/domain/cases/case-states.ts';
const { TRANSITIONS } = (await import(/* @vite-ignore */ domain)) as { TRANSITIONS: Rule[] };

describe('the back office’s action plans', () => {
  it('say the same target state as the lifecycle table, for every staff move', () => {
    let checked = 0;
    for (const rule of TRANSITIONS) {
      if (rule.action === 'expire' || !rule.roles.some((r) => r === 'agent' || r === 'owner')) continue;
      for (const from of rule.from) {
        if (typeof rule.to === 'string') {
          expect(targetOf(rule.action, from), `${rule.action} from ${from}`).toBe(rule.to);
        } else {
          expect(outcomesOf(rule.action).sort(), rule.action).toEqual(Object.keys(rule.to).sort());
          for (const [outcome, to] of Object.entries(rule.to))
            expect(targetOf(rule.action, from, outcome as Outcome), `${rule.action} ${outcome}`).toBe(to);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(Object.keys(ACTION_PLANS).sort()).toEqual(
      [...new Set(TRANSITIONS.map((r) => r.action))].filter((a) => a !== 'expire').sort(),
    );
  });
});
