import { describe, expect, it } from 'vitest';
import { formatMoney } from '../format-money.ts';
import type { MailFrame } from '../render-mail.ts';
import { careMessageMail } from './care-message.ts';
import { decisionMail } from './decision.ts';
import { refundIssuedMail } from './refund-issued.ts';
import { requestReceivedMail } from './request-received.ts';
import { returnInstructionsMail } from './return-instructions.ts';
import { storeCreditIssuedMail } from './store-credit-issued.ts';

const aulso: MailFrame = {
  shop: { name: 'Aulso', timeZone: 'Asia/Hong_Kong', locale: 'en-HK' },
  reference: 'AULSO-C1001',
  replyTo: 'reply+0123456789abcdef0123456789@mail.example',
  customerName: 'Ana',
};
const aoures: MailFrame = {
  ...aulso,
  shop: { name: 'Aoures', timeZone: 'America/Los_Angeles', locale: 'en-US' },
  reference: 'AOURES-C7',
};

describe('mail templates', () => {
  it('shows a ship-by deadline on the shop’s clock: 15:59 UTC is 11:59 pm in Hong Kong, 8:59 AM in Los Angeles', () => {
    const authorization = {
      authorizationNumber: 'RA-7K2Q-M3XP-9ZTA',
      returnAddress: 'Rm 3, 24/F, Ho King Comm Ctr, Mong Kok, Hong Kong',
      shipBy: new Date('2026-05-20T15:59:00Z'),
      instructions: 'Pack the item in its original packaging.',
    };
    const hk = returnInstructionsMail(aulso, authorization);
    expect(hk.subject).toBe('Aulso: your return is authorized, RA-7K2Q-M3XP-9ZTA (AULSO-C1001)');
    expect(hk.text).toContain('Ship it by: Wednesday, 20 May 2026 at 11:59 pm HKT');
    expect(hk.text).toContain('Authorization number: RA-7K2Q-M3XP-9ZTA');
    expect(hk.html).toContain('Wednesday, 20 May 2026 at 11:59 pm HKT');
    const la = returnInstructionsMail(aoures, authorization);
    expect(la.text).toContain('Ship it by: Wednesday, May 20, 2026 at 8:59 AM PDT');
  });

  it('gives money in the shop’s currency and the customer’s way of writing it, yen without cents', () => {
    expect(formatMoney(2500, 'USD', 'en-HK')).toBe('US$25.00');
    expect(formatMoney(2500, 'USD', 'en-US')).toBe('$25.00');
    expect(formatMoney(1250, 'GBP', 'en-GB')).toBe('£12.50');
    expect(formatMoney(2500, 'JPY', 'en-US')).toBe('¥2,500');
    const refund = refundIssuedMail(aulso, { amountCents: 123_450, currency: 'USD', method: 'card', leftCents: 500 });
    expect(refund.subject).toBe('Aulso: we refunded US$1,234.50 (AULSO-C1001)');
    expect(refund.text).toContain('We have refunded US$1,234.50 to your card.');
    expect(refund.text).toContain('A further US$5.00 can still come back to you');
  });

  it('quotes the shop’s own sentences behind a decision, with how they applied', () => {
    const mail = decisionMail(aulso, {
      outcome: 'approved',
      resolutions: ['refund', 'exchange'],
      money: { currency: 'USD', refundableCents: 4200 },
      returnRequired: true,
      returnShippingPaidBy: 'shop',
      reasons: [
        {
          clause: 'change-of-mind-72h',
          quote: 'If you’ve changed your mind, you may return eligible items within 72 hours of receiving them.',
          detail: 'delivered 71 h 59 min ago',
        },
      ],
      respondsBy: null,
    });
    expect(mail.subject).toBe('Aulso: your request is approved (AULSO-C1001)');
    expect(mail.text).toContain('We can offer a refund or an exchange.');
    expect(mail.text).toContain('Up to US$42.00 can come back to you.');
    expect(mail.text).toContain('We pay the return shipping.');
    expect(mail.text).toContain('“If you’ve changed your mind, you may return eligible items within 72 hours');
    expect(mail.html).toContain('<blockquote');
    expect(mail.html).toContain('delivered 71 h 59 min ago');
  });

  it('escapes what people wrote in the HTML part and keeps it as written in the text part', () => {
    const hostile = { ...aulso, shop: { ...aulso.shop, name: 'A&B <Jewels>' }, customerName: '"><img src=x>' };
    const mail = careMessageMail(hostile, {
      body: 'Your <script>alert(1)</script> ring\nis ready & waiting',
      attachments: ['photo "1".png'],
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img src=x>');
    expect(mail.html).toContain('Your &lt;script&gt;alert(1)&lt;/script&gt; ring\nis ready &amp; waiting');
    expect(mail.html).toContain('A&amp;B &lt;Jewels&gt;');
    expect(mail.html).toContain('photo &quot;1&quot;.png');
    expect(mail.text).toContain('Your <script>alert(1)</script> ring\nis ready & waiting');
    expect(mail.subject).toBe('A&B <Jewels>: a message from our care team (AULSO-C1001)');
  });

  it('greets the customer, names the reference and says a reply lands on the request', () => {
    const mail = requestReceivedMail(aulso, {
      type: 'return',
      orderNumber: 'AUL-50001',
      respondsBy: new Date('2026-05-11T15:59:59.999Z'),
    });
    expect(mail.subject).toBe('Aulso: we have your return request (AULSO-C1001)');
    expect(mail.text.startsWith('Hello Ana,\n\nThank you for writing to Aulso.')).toBe(true);
    expect(mail.text).toContain('We will answer by Monday, 11 May 2026 at 11:59 pm HKT.');
    expect(mail.text).toContain('your reply goes straight onto your request AULSO-C1001');
    expect(mail.html).toContain(`href="mailto:${aulso.replyTo}"`);
    const anonymous = requestReceivedMail(
      { ...aulso, customerName: null },
      { type: 'inquiry', orderNumber: null, respondsBy: null },
    );
    expect(anonymous.subject).toBe('Aulso: we have your message (AULSO-C1001)');
    expect(anonymous.text.startsWith('Hello,\n')).toBe(true);
  });

  it('hands over the gift-card code of store credit', () => {
    const mail = storeCreditIssuedMail(aulso, { amountCents: 2500, currency: 'USD', code: '7K2Q-M3XP-9ZTA-4B6C' });
    expect(mail.subject).toBe('Aulso: your store credit of US$25.00 (AULSO-C1001)');
    expect(mail.text).toContain('Your gift card code: 7K2Q-M3XP-9ZTA-4B6C');
    expect(mail.html).toContain('7K2Q-M3XP-9ZTA-4B6C');
  });
});
