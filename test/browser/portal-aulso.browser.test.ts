import { describe, expect, it } from 'vitest';
import { loadBundledPolicies } from '../../src/policies/load-policy-file.ts';
import { hashToken, newSecretToken } from '../../src/services/people/session-token.ts';
import { insertSignInLink } from '../../src/storage/repositories/sign-in-links.ts';
import { demoDecidedBy } from '../e2e/journey.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';
import {
  authorizeReturn,
  casesOfOrder,
  fillRequest,
  findOrder,
  hoursAfter,
  importDemoOrder,
  mainText,
  readerDate,
  staffAct,
  staffCase,
} from './portal-journey.ts';

const site = await browserSite();
/** A 1×1 PNG: the photo the customer attaches. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

/** A sign-in link to the customer's Aulso orders, good for `minutes` from the desk's now (negative: expired). */
async function signInLink(email: string, minutes: number): Promise<string> {
  const token = newSecretToken();
  const now = site.ctx.now();
  await insertSignInLink(site.ctx.db, {
    tokenHash: hashToken(token),
    shopId: 'aulso',
    email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + minutes * 60_000),
    usedAt: null,
  });
  return `/sign-in#token=${token}`;
}
/** Aulso's demo order of a change of mind within 72 hours, under a number of its own, imported into the desk. */
async function changedMindOrder(number: string, email?: string) {
  const demo = demoDecidedBy('aulso', 'change-of-mind-72h');
  demo.order.number = number;
  if (email) demo.customer.email = email;
  await importDemoOrder(site, demo);
  return demo;
}
const aulso = loadBundledPolicies().get('aulso');
const ZONE = aulso?.profile.timeZone ?? '';
const money = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);

describe(`Aulso’s customer portal in Chromium, on ${site.database.kind}`, () => {
  it('returns a changed-mind necklace within 72 hours, the shop paying the parcel, and shows the refund', {
    timeout: 90_000,
  }, async () => {
    // "If you’ve changed your mind, you may return eligible items within 72 hours of receiving them.
    //  In this case, we’ll cover the return shipping."
    const demo = demoDecidedBy('aulso', 'change-of-mind-72h');
    await importDemoOrder(site, demo);
    const page = await site.newPage({ phone: true });
    await page.goto('/shop/aulso');
    await expectAccessible(page);
    await screenshot(page, 'portal-find-order');
    await findOrder(page, demo);

    // The order page: delivered, and returns open until 72 hours after delivery, as the reader's date.
    const line = demo.order.lines[0];
    const closes = readerDate(hoursAfter(demo.order.deliveredAt ?? '', 72), ZONE);
    await expect.poll(() => mainText(page)).toContain(`Returns for ${line?.title} close on ${closes}.`);
    const order = await mainText(page);
    expect(order).toContain(`Delivered · ${readerDate(demo.order.deliveredAt ?? '', ZONE)}`);
    expect(order).toContain('we’ll cover the return shipping');
    await expectAccessible(page);
    await screenshot(page, 'portal-order');

    await page.getByRole('link', { name: 'Return an item' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Return an item');
    await fillRequest(
      page,
      demo.request,
      demo.order.lines.map((l) => l.id),
    );
    await page.locator('#photos').setInputFiles({ name: 'necklace.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'See what I will get' }).click();
    await expect.poll(() => mainText(page)).toContain('The shop’s policy accepts this request');
    const preview = await mainText(page);
    expect(preview).toContain('Return shipping Paid by the shop');
    expect(preview).toContain('we’ll cover the return shipping');
    expect(preview).toContain('a refund');
    await expectAccessible(page);
    await screenshot(page, 'portal-request');

    // The first answer is lost on the way back (the case was opened), and the customer clicks twice at once:
    // the page sends once, then the retry sends the same Idempotency-Key: one case.
    let lost = false;
    await page.route('**/api/v1/shops/aulso/cases', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      return route.abort('failed');
    });
    const doubleClick = () =>
      page.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Send my request');
        button?.click();
        button?.click();
      });
    await doubleClick();
    await expect.poll(() => mainText(page)).toContain('The connection dropped before the shop answered.');
    expect(await casesOfOrder(site, demo)).toHaveLength(1);
    await doubleClick();
    await page.waitForURL(/\/shop\/aulso\/cases\//);
    const cases = await casesOfOrder(site, demo);
    expect(cases).toHaveLength(1);
    const caseId = cases[0]?.id ?? '';
    const opened = await staffCase(site, caseId);
    const amount = opened.money.refundableCents as number;
    expect(amount).toBeGreaterThan(0);
    expect(preview).toContain(`Amount ${money(amount, demo.order.currency)}`);
    await expect.poll(() => mainText(page)).toContain('Status: Approved');
    await expect.poll(() => page.getByRole('link', { name: 'necklace.png' }).count()).toBe(1);
    await expect
      .poll(() => mainText(page))
      .toContain(`The shop responds by ${readerDate(opened.deadlines.respondsBy, ZONE)}`);
    await expectAccessible(page);
    await screenshot(page, 'portal-case');

    // The care team authorizes the return: the customer reads how, and by when, to send it.
    site.setNow(hoursAfter(demo.now, 3));
    const authorized = await authorizeReturn(site, caseId);
    await page.reload();
    await expect.poll(() => mainText(page)).toContain('How to send it back');
    const slip = page.getByRole('link', { name: 'Print the return slip (PDF)' });
    const pdf = await page.request.get((await slip.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await expect
      .poll(() => mainText(page))
      .toContain(`Ship it back by ${readerDate(authorized.deadlines.shipBy, ZONE)}`);
    await expectAccessible(page);
    await screenshot(page, 'portal-return-instructions');
    await page.getByLabel('Tracking number of your parcel').fill('EZ1000000001');
    await page.getByRole('button', { name: 'I have sent it' }).click();
    await expect.poll(() => mainText(page)).toContain('Status: Your parcel is on its way back');

    // The shop receives, inspects and refunds; an agent writes; the customer reads it all and answers.
    site.setNow(hoursAfter(demo.now, 72));
    await staffAct(site, caseId, 'receive');
    await staffAct(site, caseId, 'inspect', { findings: [{ id: line?.id, condition: demo.request.condition ?? {} }] });
    const refund = await site.staff({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/refunds`,
      headers: { 'idempotency-key': 'portal-aulso-refund' },
      payload: { amountCents: amount },
    });
    expect(refund.statusCode, refund.body).toBe(201);
    await staffAct(site, caseId, 'resolve', { resolution: 'refund' });
    const note = await site.staff({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/messages`,
      payload: { body: 'Your refund is on its way, thank you for shopping with us.' },
    });
    expect(note.statusCode, note.body).toBe(201);
    await page.reload();
    await expect
      .poll(() => mainText(page))
      .toContain(`A refund of ${money(amount, demo.order.currency)} to how you paid`);
    const resolved = await mainText(page);
    expect(resolved).toContain('Status: Resolved');
    expect(resolved).toContain('Your refund is on its way, thank you for shopping with us.');
    expect(resolved).not.toContain('gift card code');
    await page.getByLabel('Write to the care team').fill('Thank you, received!');
    await page.getByRole('button', { name: 'Send message' }).click();
    await expect.poll(() => mainText(page)).toContain('Thank you, received!');
    await expectAccessible(page);
    await screenshot(page, 'portal-case-resolved');

    // The order page lists the request, resolved.
    await page.getByRole('link', { name: `order ${demo.order.number}` }).click();
    await expect.poll(() => mainText(page)).toContain(`Your requests Return ${opened.reference} · Resolved`);
  });

  it('answers a question from the help center for the order once it is found', { timeout: 60_000 }, async () => {
    // The help center's "Can I return this?" leads to the look-up with what to answer.
    const demo = await changedMindOrder('AUL-ASKED-1');
    const page = await site.newPage({ phone: true });
    const question = 'Can I return or exchange my item?';
    await page.goto(`/shop/aulso?${new URLSearchParams({ next: 'return', question })}`);
    await expect.poll(() => mainText(page)).toContain(`Find your order to see the answer to “${question}” for it.`);
    await page.locator('#order-number').fill(demo.order.number);
    await page.locator('#order-email').fill(demo.customer.email);
    await page.getByRole('button', { name: 'Find my order' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Order ${demo.order.number}`);
    const answer = page.locator('.portal-question');
    await expect.poll(() => answer.locator('h2').textContent()).toBe(`“${question}”`);
    // Delivered within the last 30 days: the return is open, until the window's last day.
    await expect.poll(() => answer.innerText()).toMatch(/^Yes, until \d{1,2} \w+ 2026\./m);
    await answer.getByRole('link', { name: 'Return an item' }).click();
    await expect.poll(() => page.url()).toContain(`/orders/${demo.order.number}/request?type=return`);
    await expectAccessible(page);
  });

  it('says which details to check for a wrong order number or email, the same for both, then asks to wait', {
    timeout: 60_000,
  }, async () => {
    const demo = await changedMindOrder('AUL-WRONG-1');
    const page = await site.newPage();
    await page.goto('/shop/aulso');
    const attempt = async (number: string, email: string) => {
      await page.locator('#order-number').fill(number);
      await page.locator('#order-email').fill(email);
      // The message read must be this attempt's, not the one still shown from the attempt before.
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/shops/aulso/sessions/customer')),
        page.getByRole('button', { name: 'Find my order' }).click(),
      ]);
      await expect.poll(() => page.getByRole('button', { name: 'Find my order' }).isEnabled()).toBe(true);
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.count()).toBe(1);
      return (await alert.innerText()).replace(/\s+/g, ' ');
    };
    const wrongEmail = await attempt(demo.order.number, 'someone.else@example.com');
    expect(wrongEmail).toContain('We could not find that order');
    expect(wrongEmail).toContain('Check the order number in your confirmation email, and that the email is the one');
    await expectAccessible(page);
    await screenshot(page, 'portal-find-order-not-found');
    const wrongNumber = await attempt('AUL-NOPE-404', demo.customer.email);
    expect(wrongNumber).toBe(wrongEmail);

    // Ten failed look-ups of one number: the next is refused for a while, and the page says how long.
    for (let i = 1; i < 10; i++) await attempt(demo.order.number, `wrong${i}@example.com`);
    const limited = await attempt(demo.order.number, demo.customer.email);
    expect(limited).toContain('Too many attempts');
    expect(limited).toMatch(/try again in 1[45] minutes/);
  });

  it('refuses a return after 72 hours: the page says so in the shop’s words, offers what is open, opens no case', {
    timeout: 60_000,
  }, async () => {
    const demo = demoDecidedBy('aulso', 'change-of-mind-after-72h');
    await importDemoOrder(site, demo);
    const page = await site.newPage();
    await findOrder(page, demo);
    await expect.poll(() => mainText(page)).toContain('Not possible now');
    await page.goto(`/shop/aulso/orders/${demo.order.number}/request?type=return`);
    await expect.poll(() => mainText(page)).toContain('Returns are closed for this order');
    const closes = readerDate(hoursAfter(demo.order.deliveredAt ?? '', 72), ZONE);
    await expect.poll(() => mainText(page)).toContain(`They closed on ${closes}.`);
    await fillRequest(
      page,
      demo.request,
      demo.order.lines.map((l) => l.id),
    );
    await page.getByRole('button', { name: 'See what I will get' }).click();
    await expect.poll(() => mainText(page)).toContain('The shop’s policy does not allow this request');
    await expect.poll(() => mainText(page)).toContain('What you can do instead');
    expect(await page.getByRole('button', { name: 'Send my request' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'portal-request-closed');
    expect(await casesOfOrder(site, demo)).toEqual([]);
  });

  it('signs in by an emailed link to the customer’s orders; an expired link says how to get a new one', {
    timeout: 60_000,
  }, async () => {
    const demo = await changedMindOrder('AUL-LINK-1', 'link.reader@example.com');
    const page = await site.newPage();
    await page.goto('/shop/aulso');
    await page.locator('#link-email').fill(demo.customer.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect.poll(() => mainText(page)).toContain('a sign-in link is on its way');
    const mails = await site.staff({ url: '/api/v1/mailbox?shop=aulso' });
    const mail = (mails.json() as { to: string; subject: string }[]).find((m) => m.to === demo.customer.email);
    expect(mail?.subject).toBe('Aulso: your sign-in link');
    // The mailbox hides the token: the test issues a link of its own, as sending one does.
    const link = await signInLink(demo.customer.email, 15);
    await page.goto(link ?? '');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Your orders');
    const orders = await mainText(page);
    expect(orders).toContain(`Order ${demo.order.number}`);
    expect(orders).toContain(`signed in as ${demo.customer.email}`);
    await expectAccessible(page);
    await screenshot(page, 'portal-sign-in-orders');
    await page.getByRole('link', { name: `Order ${demo.order.number}` }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Order ${demo.order.number}`);

    // The same link again (used), and one past its 15 minutes (expired): a clear page, and where to ask again.
    for (const stale of [link, await signInLink(demo.customer.email, -1)]) {
      const again = await site.newPage();
      await again.goto(stale);
      await expect.poll(() => again.locator('h1').textContent()).toBe('This sign-in link has expired');
      await expect.poll(() => mainText(again)).toContain('Ask Aulso for a new link');
      await expectAccessible(again);
      await screenshot(again, 'portal-sign-in-expired');
    }
  });

  it('keeps what the customer typed while the shop is still loading, and finds the order with it', {
    timeout: 60_000,
  }, async () => {
    const demo = await changedMindOrder('AUL-SLOW-1');
    const page = await site.newPage();
    // The shop list answers late, as on a slow connection: the customer types before it arrives.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/shops', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/shop/aulso');
    await page.locator('#order-number').fill(demo.order.number);
    await page.locator('#order-email').fill(demo.customer.email);
    release();
    await expect.poll(() => page.locator('.shop-name').textContent()).toBe('Aulso');
    expect(await page.locator('#order-number').inputValue()).toBe(demo.order.number);
    expect(await page.locator('#order-email').inputValue()).toBe(demo.customer.email);
    await page.getByRole('button', { name: 'Find my order' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Order ${demo.order.number}`);
  });
});
