import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp, openScenarioCase, sessionOf } from '../../../../test/desk-app.ts';
import { scenarioCase } from '../../../../test/scenario-case.ts';
import { createFirstOwner } from '../../../services/people/create-first-owner.ts';
import { purgeExpiredSessions } from '../../../storage/repositories/sessions.ts';
import { mailOutbox, sessions, signInLinks, staffAccounts } from '../../../storage/schema/index.ts';

const desk = await deskApp();
const bracelet = scenarioCase('aulso', 'defective bracelet on day 12');
const c = await openScenarioCase(desk, bracelet, 'ana@example.com');
// A second order of Ana's, and one of Bo's, in the same shop.
const second = { ...structuredClone(bracelet.order), number: 'AUL-SECOND' };
const bos = { ...structuredClone(bracelet.order), number: 'AUL-BO' };
for (const [order, email] of [
  [second, 'ana@example.com'],
  [bos, 'bo@example.com'],
] as const) {
  const res = await desk.staff({
    method: 'POST',
    url: '/api/v1/shops/aulso/orders',
    payload: { order, customer: { email } },
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
}

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  desk.app.inject({ method: 'POST', url, payload, headers });

describe(`sessions on ${desk.database.kind}`, () => {
  it('signs an agent in to an HttpOnly, SameSite=Lax cookie, Secure over HTTPS, and out again', async () => {
    const added = await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/aulso/staff',
      payload: { email: 'Mei@Aulso.example', name: 'mei', password: 'correct horse battery' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ email: 'mei@aulso.example', role: 'agent', shopId: 'aulso' });
    const [account] = await desk.database.db.select().from(staffAccounts).where(eq(staffAccounts.name, 'mei'));
    expect(account?.passwordHash).toMatch(/^\$argon2id\$/);

    const res = await post(
      '/api/v1/sessions/staff',
      { email: 'mei@aulso.example', password: 'correct horse battery' },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const setCookie = res.headers['set-cookie'] as string[];
    expect(setCookie[0]).toMatch(/^loupe_session=[\w-]{43}; Path=\/; Max-Age=43200; SameSite=Lax; HttpOnly; Secure$/);
    expect(setCookie[1]).toMatch(/^loupe_csrf=[\w-]{43}; Path=\/; Max-Age=43200; SameSite=Lax; Secure$/);
    const plain = await post('/api/v1/sessions/staff', {
      email: 'mei@aulso.example',
      password: 'correct horse battery',
    });
    expect(plain.headers['set-cookie']?.[0]).not.toContain('Secure');

    const mei = sessionOf(res);
    const token = res.cookies.find((x) => x.name === 'loupe_session')?.value ?? '';
    const stored = await desk.database.db.select({ tokenHash: sessions.tokenHash }).from(sessions);
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);

    const me = await desk.withSession(mei, { url: '/api/v1/sessions/current' });
    expect(me.json()).toMatchObject({ authenticatedBy: 'session', role: 'agent', shopId: 'aulso', name: 'mei' });
    expect(me.json().csrfToken).toBe(mei.csrfToken);
    expect((await desk.withSession(mei, { url: '/api/v1/shops/aulso/inbox' })).statusCode).toBe(200);
    expect((await desk.withSession(mei, { url: '/api/v1/shops/theor/inbox' })).statusCode).toBe(403);

    const noCsrf = await desk.withSession(mei, { method: 'DELETE', url: '/api/v1/sessions/current', csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().message).toContain('X-CSRF-Token');
    const out = await desk.withSession(mei, { method: 'DELETE', url: '/api/v1/sessions/current' });
    expect(out.statusCode).toBe(204);
    expect((out.headers['set-cookie'] as string[])[0]).toContain('Max-Age=0');
    expect((await desk.withSession(mei, { url: '/api/v1/shops/aulso/inbox' })).statusCode).toBe(401);
  });

  it('refuses a wrong password with 401, then 429 with Retry-After after 10 attempts in 15 minutes', async () => {
    await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/aulso/staff',
      payload: { email: 'kit@aulso.example', name: 'kit', password: 'the right password' },
    });
    for (let i = 0; i < 10; i++) {
      const res = await post('/api/v1/sessions/staff', { email: 'kit@aulso.example', password: `guess ${i}` });
      expect(res.statusCode).toBe(401);
    }
    const limited = await post('/api/v1/sessions/staff', {
      email: 'kit@aulso.example',
      password: 'the right password',
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post('/api/v1/sessions/staff', { email: 'nobody@x.example', password: 'x' })).statusCode).toBe(401);
    desk.setNow(new Date(desk.ctx.now().getTime() + 15 * 60_000 + 1000).toISOString());
    const later = await post('/api/v1/sessions/staff', { email: 'kit@aulso.example', password: 'the right password' });
    expect(later.statusCode).toBe(201);
  });

  it('limits per-request look-ups by order number and email: 429 after 10 wrong emails', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await desk.app.inject({ url: `/api/v1/cases/${c.id}?orderNumber=AUL-BO&email=guess${i}@x.example` });
      expect(res.statusCode).toBe(401);
    }
    const res = await desk.app.inject({ url: `/api/v1/cases/${c.id}?orderNumber=AUL-BO&email=bo@example.com` });
    expect(res.statusCode).toBe(429);
    // Another order number has its own count.
    const ana = await desk.app.inject({
      url: `/api/v1/cases/${c.id}?orderNumber=${bracelet.order.number}&email=ana@example.com`,
    });
    expect(ana.statusCode).toBe(200);
  });

  it('refuses even the right email once an order number has had its 10 wrong guesses from an address', async () => {
    const lookUp = (email: string, remoteAddress: string) =>
      desk.app.inject({
        url: `/api/v1/cases/${c.id}?orderNumber=${bracelet.order.number}&email=${email}`,
        remoteAddress,
      });
    for (let i = 0; i < 10; i++) expect((await lookUp(`guess${i}@x.example`, '198.51.100.20')).statusCode).toBe(401);
    const right = await lookUp('ana@example.com', '198.51.100.20');
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect((await lookUp('ana@example.com', '198.51.100.21')).statusCode).toBe(200);
  });

  it('scopes a customer session to the order it was opened with, and refuses its writes without the CSRF token', async () => {
    const ana = await desk.signInCustomer('aulso', bracelet.order.number, 'ANA@example.com');
    const me = (await desk.withSession(ana, { url: '/api/v1/sessions/current' })).json();
    expect(me).toMatchObject({ role: 'customer', shopId: 'aulso', email: 'ana@example.com' });
    expect(me.orderIds).toHaveLength(1);
    expect((await desk.withSession(ana, { url: `/api/v1/cases/${c.id}` })).statusCode).toBe(200);
    expect((await desk.withSession(ana, { url: '/api/v1/shops/aulso/orders/AUL-SECOND' })).statusCode).toBe(403);
    expect((await desk.withSession(ana, { url: '/api/v1/shops/aulso/inbox' })).statusCode).toBe(403);

    const message = { method: 'POST' as const, url: `/api/v1/cases/${c.id}/messages`, payload: { body: 'Any news?' } };
    const refused = await desk.withSession(ana, { ...message, csrf: false });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', path: 'x-csrf-token' });
    expect(refused.json().message).toContain('loupe_csrf');
    const wrong = await desk.app.inject({ ...message, headers: { cookie: ana.cookie, 'x-csrf-token': 'forged' } });
    expect(wrong.statusCode).toBe(403);
    const sent = await desk.withSession(ana, message);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ authorKind: 'customer', author: 'ana@example.com' });
    // A bearer token needs no CSRF token, even beside a cookie.
    const staff = await desk.app.inject({
      ...message,
      headers: { cookie: ana.cookie, authorization: `Bearer ${AULSO_AGENT_TOKEN}` },
    });
    expect(staff.statusCode).toBe(201);
    expect(staff.json().authorKind).toBe('agent');

    const wrongEmail = await post('/api/v1/shops/aulso/sessions/customer', {
      orderNumber: 'AUL-SECOND',
      email: 'bo@example.com',
    });
    expect(wrongEmail.statusCode).toBe(401);
  });

  it('mails a one-time sign-in link only to an email with orders, and answers 202 either way', async () => {
    const before = await desk.database.db.select().from(mailOutbox).where(eq(mailOutbox.event, 'sign_in_link'));
    const unknown = await post('/api/v1/shops/aulso/sign-in-links', { email: 'stranger@example.com' });
    expect(unknown.statusCode).toBe(202);
    const known = await post('/api/v1/shops/aulso/sign-in-links', { email: 'Ana@Example.com' });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const mails = await desk.database.db.select().from(mailOutbox).where(eq(mailOutbox.event, 'sign_in_link'));
    expect(mails.length - before.length).toBe(1);
    const mail = mails.at(-1);
    expect(mail).toMatchObject({ to: 'ana@example.com', caseId: null, shopId: 'aulso' });
    const token = /sign-in#token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(token).toHaveLength(43);
    expect(mail?.html).toContain(token);
    const links = await desk.database.db.select().from(signInLinks);
    expect(links.map((l) => l.tokenHash)).not.toContain(token);

    // Staff reading the mailbox do not see the token of a link that is not in the development mailbox.
    const mailbox = (await desk.staff({ url: '/api/v1/mailbox?shop=aulso' })).json() as { id: string; text: string }[];
    const listed = mailbox.find((m) => m.id === mail?.id);
    expect(listed?.text).toContain('#token=(hidden)');
    expect(listed?.text).not.toContain(token);

    const res = await post('/api/v1/sessions/link', { token });
    expect(res.statusCode, res.body).toBe(201);
    const ana = sessionOf(res);
    const me = (await desk.withSession(ana, { url: '/api/v1/sessions/current' })).json();
    expect(me).toMatchObject({ role: 'customer', email: 'ana@example.com' });
    expect(me.orderIds).toHaveLength(2);
    expect((await desk.withSession(ana, { url: '/api/v1/shops/aulso/orders/AUL-SECOND' })).statusCode).toBe(200);
    expect((await desk.withSession(ana, { url: `/api/v1/cases/${c.id}` })).statusCode).toBe(200);
    expect((await desk.withSession(ana, { url: '/api/v1/shops/aulso/orders/AUL-BO' })).statusCode).toBe(403);

    expect((await post('/api/v1/sessions/link', { token })).statusCode).toBe(401);
  });

  it('lets a sign-in link expire after 15 minutes', async () => {
    await post('/api/v1/shops/aulso/sign-in-links', { email: 'bo@example.com' });
    const [mail] = await desk.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'bo@example.com'));
    const token = /sign-in#token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    desk.setNow(new Date(desk.ctx.now().getTime() + 15 * 60_000 + 1).toISOString());
    expect((await post('/api/v1/sessions/link', { token })).statusCode).toBe(401);
    await purgeExpiredSessions(desk.ctx.db, desk.ctx.now());
    expect(await desk.database.db.select().from(signInLinks).where(eq(signInLinks.email, 'bo@example.com'))).toEqual(
      [],
    );
  });

  it('lets only an owner add agents', async () => {
    const agent = await desk.signInAgent('aulso', 'lee');
    const payload = { email: 'new@aulso.example', name: 'new', password: 'a long enough password' };
    const res = await desk.withSession(agent, { method: 'POST', url: '/api/v1/shops/aulso/staff', payload });
    expect(res.statusCode).toBe(403);
    const taken = await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/aulso/staff',
      payload: { ...payload, email: 'mei@aulso.example' },
    });
    expect(taken.statusCode).toBe(409);
  });

  it('makes the first owner only when there is no staff account', async () => {
    expect(await createFirstOwner(desk.ctx, 'first@example.com')).toBeUndefined();
    await desk.database.db.delete(sessions);
    await desk.database.db.delete(staffAccounts);
    const owner = await createFirstOwner(desk.ctx, 'First@Example.com');
    expect(owner?.email).toBe('first@example.com');
    expect(await createFirstOwner(desk.ctx, 'second@example.com')).toBeUndefined();
    const res = await post('/api/v1/sessions/staff', { email: 'first@example.com', password: owner?.password ?? '' });
    expect(res.json()).toMatchObject({ role: 'owner', shopId: '*' });
  });
});
