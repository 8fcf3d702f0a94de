import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp } from '../../../../test/desk-app.ts';
import { deliverDueMail } from '../../../jobs/deliver-due-mail.ts';
import { mailboxTransport } from '../../../mail/mail-transport.ts';
import { issueRefund } from '../../../services/money/issue-refund.ts';
import { moneyCase } from '../../../services/money/test-fixtures.ts';

const desk = await deskApp();
const c = await moneyCase(desk.database.db, { resolutions: ['refund'] });
await issueRefund(desk.ctx, c.staff, { caseId: c.caseId, amountCents: 2500 });

describe(`GET /api/v1/mailbox on ${desk.database.kind}`, () => {
  it('keeps the mail in the development mailbox when no SMTP server is set, and lists it for staff', async () => {
    const waiting = await desk.staff({ url: `/api/v1/mailbox?shop=${c.shopId}` });
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(waiting.json()).toMatchObject([{ event: 'refund_issued', status: 'pending', to: 'ana@example.com' }]);

    const report = await deliverDueMail(desk.database.db, mailboxTransport(), {
      now: desk.ctx.now,
      messageIdDomain: 'localhost',
    });
    expect(report.sent).toHaveLength(1);
    const res = await desk.staff({ url: `/api/v1/mailbox?shop=${c.shopId}&case=${c.caseId}` });
    const [mail] = res.json();
    expect(mail).toMatchObject({
      shop: c.shopId,
      caseId: c.caseId,
      event: 'refund_issued',
      from: { name: 'Money test shop', address: 'loupe@localhost' },
      to: 'ana@example.com',
      subject: expect.stringContaining('we refunded $25.00'),
      status: 'sent',
      attempts: 1,
      deliveredVia: 'mailbox',
      messageId: `<${report.sent[0]}@localhost>`,
      nextAttemptAt: null,
    });
    expect(mail.replyTo).toMatch(/^reply\+[0-9a-f]{30}@localhost$/);
    expect(mail.text).toContain('We have refunded $25.00 to your card.');
    expect(mail.html).toContain('We have refunded $25.00 to your card.');
  });

  it('shows staff only the shops they serve', async () => {
    const own = await desk.staff({ url: '/api/v1/mailbox', token: AULSO_AGENT_TOKEN });
    expect(own.statusCode).toBe(200);
    expect(own.json().every((m: { shop: string }) => m.shop === 'aulso')).toBe(true);
    for (const shop of [c.shopId, '*']) {
      const other = await desk.staff({
        url: `/api/v1/mailbox?shop=${encodeURIComponent(shop)}`,
        token: AULSO_AGENT_TOKEN,
      });
      expect(other.statusCode, shop).toBe(403);
    }
    expect((await desk.app.inject({ url: '/api/v1/mailbox' })).statusCode).toBe(401);
    expect((await desk.staff({ url: '/api/v1/mailbox?shop=nowhere' })).json()).toMatchObject({ code: 'UNKNOWN_SHOP' });
    expect((await desk.staff({ url: '/api/v1/mailbox?limit=0' })).json()).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
