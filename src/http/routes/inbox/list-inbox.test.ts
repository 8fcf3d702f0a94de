import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp, openScenarioCase, THEOR_OWNER_TOKEN } from '../../../../test/desk-app.ts';
import { scenarioCase } from '../../../../test/scenario-case.ts';

const desk = await deskApp();
const inbox = async (query = '', token?: string) => {
  const res = await desk.staff({ url: `/api/v1/shops/aulso/inbox${query}`, token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    reference: string;
    state: string;
    due: { kind: string; at: string } | null;
    overdue: boolean;
  }[];
};
const act = (id: string, action: string, payload: object) =>
  desk.staff({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, payload });

describe(`the inbox on ${desk.database.kind}`, async () => {
  // B: asked 30 June, reply due 3 July. A: asked 8 September, reply due 10 September.
  const b = await openScenarioCase(desk, scenarioCase('aulso', 'defective bracelet on day 12'));
  const a = await openScenarioCase(desk, scenarioCase('aulso', 'wrong colour sent'));
  // C: authorized; the customer must ship by 9 September.
  const c = await openScenarioCase(desk, scenarioCase('aulso', 'change of mind 71h59m'));
  await act(c.id, 'authorize', { revision: 0, shipBy: '2026-09-09T00:00:00Z' });
  // E: withdrawn, nothing due.
  const e = await openScenarioCase(desk, scenarioCase('aulso', 'two rings sent in the wrong size'));
  await act(e.id, 'withdraw', { revision: 0 });
  // D: a question with no order, asked at noon on Wednesday 9 September (8 pm in Hong Kong).
  desk.setNow('2026-09-09T12:00:00Z');
  const opened = await desk.staff({
    method: 'POST',
    url: '/api/v1/shops/aulso/cases',
    payload: { request: { type: 'inquiry' }, message: 'Do you resize rings?' },
  });
  const d = opened.json();
  const ref = (x: Record<string, unknown>) => x.reference as string;

  it('opens a question with no order as an inquiry, owing a reply in 2 business days', () => {
    expect(opened.statusCode, opened.body).toBe(201);
    expect(d).toMatchObject({
      type: 'inquiry',
      state: 'inquiry',
      order: null,
      decision: null,
      money: null,
      deadlines: { respondsBy: '2026-09-11T15:59:59.999Z' },
      messages: [{ authorKind: 'agent', author: 'dev', body: 'Do you resize rings?' }],
      allowedActions: ['withdraw', 'answer_inquiry'],
    });
  });

  it('orders open cases by what is due and flags what is overdue at the clock', async () => {
    expect(await inbox()).toMatchObject([
      {
        reference: ref(b),
        state: 'decided_approved',
        due: { kind: 'respond', at: '2026-07-03T15:59:59.999Z' },
        overdue: true,
      },
      {
        reference: ref(c),
        state: 'awaiting_return',
        due: { kind: 'ship_back', at: '2026-09-09T00:00:00.000Z' },
        overdue: true,
      },
      {
        reference: ref(a),
        state: 'decided_approved',
        due: { kind: 'respond', at: '2026-09-10T15:59:59.999Z' },
        overdue: false,
      },
      { reference: ref(d), state: 'inquiry', due: { kind: 'respond', at: '2026-09-11T15:59:59.999Z' }, overdue: false },
    ]);
    desk.setNow('2026-09-08T00:00:00Z');
    expect((await inbox()).map((i) => i.overdue)).toEqual([true, false, false, false]);
    desk.setNow('2026-09-09T12:00:00Z');
  });

  it('filters by overdue, state and type', async () => {
    expect((await inbox('?overdue=true')).map((i) => i.reference)).toEqual([ref(b), ref(c)]);
    expect((await inbox('?overdue=false')).map((i) => i.reference)).toEqual([ref(a), ref(d)]);
    expect((await inbox('?state=inquiry')).map((i) => i.reference)).toEqual([ref(d)]);
    expect((await inbox('?type=return&limit=2')).map((i) => i.reference)).toEqual([ref(b), ref(c)]);
    expect((await inbox('?state=withdrawn', AULSO_AGENT_TOKEN)).map((i) => i.reference)).toEqual([ref(e)]);
  });

  it('closes an inquiry with the staff’s answer, which leaves the inbox', async () => {
    desk.setNow('2026-09-09T12:30:00Z');
    const res = await act(d.id, 'answer_inquiry', { revision: 0, answer: 'Yes, within 30 days of delivery.' });
    expect(res.json()).toMatchObject({ state: 'closed', due: null });
    expect(res.json().messages.map((m: { body: string }) => m.body)).toEqual([
      'Do you resize rings?',
      'Yes, within 30 days of delivery.',
    ]);
    expect((await inbox('?state=inquiry')).length).toBe(0);
    desk.setNow('2026-09-09T12:00:00Z');
  });

  it('is for the shop’s staff, and refuses bad filters naming them', async () => {
    expect((await desk.app.inject({ url: '/api/v1/shops/aulso/inbox' })).statusCode).toBe(401);
    expect((await desk.staff({ url: '/api/v1/shops/aulso/inbox', token: THEOR_OWNER_TOKEN })).statusCode).toBe(403);
    for (const [query, path] of [
      ['?state=lost', 'state'],
      ['?overdue=yes', 'overdue'],
      ['?limit=0', 'limit'],
      ['?sort=due', ''],
    ]) {
      const res = await desk.staff({ url: `/api/v1/shops/aulso/inbox${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('INVALID_INPUT');
      if (path) expect(res.json().path).toBe(path);
    }
    expect((await desk.staff({ url: '/api/v1/shops/nope/inbox' })).json().code).toBe('UNKNOWN_SHOP');
  });
});
