import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deskApp, openScenarioCase, THEOR_OWNER_TOKEN } from '../../../../test/desk-app.ts';
import { scenarioCase } from '../../../../test/scenario-case.ts';
import { attachments, auditLog } from '../../../storage/schema/index.ts';

const desk = await deskApp();
const c = await openScenarioCase(desk, scenarioCase('aulso', 'defective bracelet on day 12'));
const customer = { orderNumber: 'AUL-88410', email: 'ana@example.com' };
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const post = (payload: object, asCustomer = true) =>
  asCustomer
    ? desk.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/messages`, payload: { ...customer, ...payload } })
    : desk.staff({ method: 'POST', url: `/api/v1/cases/${c.id}/messages`, payload });

describe(`messages on ${desk.database.kind}`, () => {
  it('keeps a customer’s photo byte for byte and hands it to the shop’s staff', async () => {
    const res = await post({
      body: 'The clasp broke on the second day.',
      attachments: [{ filename: 'clasp.png', contentType: 'image/png', data: png.toString('base64') }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const message = res.json();
    expect(message).toMatchObject({
      authorKind: 'customer',
      author: 'ana@example.com',
      attachments: [{ filename: 'clasp.png', contentType: 'image/png', sizeBytes: png.byteLength }],
    });
    const file = await desk.staff({ url: `/api/v1/cases/${c.id}/attachments/${message.attachments[0].id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toBe('attachment; filename="clasp.png"');
    expect(file.rawPayload.equals(png)).toBe(true);

    desk.setNow('2026-06-30T11:00:00+08:00');
    expect((await post({ body: 'Sorry to hear it: please send it back.' }, false)).json()).toMatchObject({
      authorKind: 'agent',
      author: 'dev',
    });
    const list = await desk.app.inject({
      url: `/api/v1/cases/${c.id}/messages?orderNumber=${customer.orderNumber}&email=${customer.email}`,
    });
    expect(list.json().map((m: { body: string }) => m.body)).toEqual([
      'The clasp broke on the second day.',
      'Sorry to hear it: please send it back.',
    ]);
    const audit = await desk.database.db.select().from(auditLog).where(eq(auditLog.caseId, c.id));
    expect(audit.filter((a) => a.action === 'post_message').map((a) => a.actor)).toEqual([
      'customer:ana@example.com',
      'owner:dev',
    ]);
  });

  it('refuses a file of another type or over 10 MiB with 400 naming it, and stores nothing', async () => {
    const before = await desk.database.db.select({ id: attachments.id }).from(attachments);
    const file = (contentType: string, data: string) => ({
      body: 'photo',
      attachments: [{ filename: 'x', contentType, data }],
    });
    const refusals: [object, string][] = [
      [file('image/gif', png.toString('base64')), 'attachments[0].contentType'],
      [file('image/png', Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64')), 'attachments[0].data'],
      [file('image/png', 'not base64!'), 'attachments[0].data'],
      [file('image/png', ''), 'attachments[0].data'],
      [{ body: '' }, 'body'],
      [
        { body: 'many', attachments: Array.from({ length: 11 }, () => file('image/png', 'AA==').attachments[0]) },
        'attachments',
      ],
    ];
    for (const [payload, path] of refusals) {
      const res = await post(payload);
      expect(res.statusCode, path).toBe(400);
      expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path });
    }
    expect(await desk.database.db.select({ id: attachments.id }).from(attachments)).toEqual(before);
  });

  it('is for the case’s customer and the shop’s staff only', async () => {
    const stranger = await desk.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/messages`,
      payload: { orderNumber: 'AUL-88410', email: 'eve@example.com', body: 'hello' },
    });
    expect(stranger.statusCode).toBe(401);
    const otherShop = await desk.staff({ url: `/api/v1/cases/${c.id}/messages`, token: THEOR_OWNER_TOKEN });
    expect(otherShop.statusCode).toBe(403);
    const noFile = await desk.staff({ url: `/api/v1/cases/${c.id}/attachments/nothing` });
    expect(noFile.json()).toMatchObject({ code: 'NOT_FOUND', path: 'attachmentId' });
  });
});
