import { describe, expect, it } from 'vitest';
import { demoDecidedBy, Journey } from '../e2e/journey.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';
import { expectText, ledgerOf, openFromInbox, shownInstant, shownMoney, signInAsOwner } from './desk-pages.ts';

const site = await browserSite();
const SHANGHAI = 'Asia/Shanghai';

describe(`the back office for Atelier in Chromium, on ${site.database.kind}`, () => {
  it('shows an order in production that cannot be cancelled, and a refused move that changes nothing', {
    timeout: 90_000,
  }, async () => {
    // "Once the order starts production or has been shipped, we will not support refunds."
    const demo = demoDecidedBy('atelier', 'cancel-after-one-day', (d) => d.request.type === 'cancel');
    const j = new Journey(site, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_denied', outcome: 'denied' });
    const reference = opened.reference as string;

    const page = await site.newPage();
    await signInAsOwner(site, page);
    await openFromInbox(page, 'atelier', reference);
    await expectText(page, /Once the order starts production/);
    await expectText(page, shownInstant(demo.order.productionStartedAt ?? '', SHANGHAI));
    await expectText(page, shownMoney(0, demo.order.currency));
    // Nothing moves a denied cancellation towards money: no authorization, no resolution, no refund on offer.
    for (const button of ['Authorize the return', 'Resolve', 'Refund', 'Give store credit'])
      expect(await page.getByRole('button', { name: button, exact: true }).count(), button).toBe(0);
    expect(await page.getByRole('button', { name: 'Override the decision' }).count()).toBe(1);

    // Meanwhile a colleague closes the case; this page still shows it open.
    const before = (await site.staff({ url: `/api/v1/cases/${opened.id}` })).json();
    const closed = await site.staff({
      method: 'POST',
      url: `/api/v1/cases/${opened.id}/actions/close`,
      payload: { revision: before.revision },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = closed.json();

    await page.getByRole('button', { name: 'Override the decision' }).click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog, '→ decided approved');
    await expectText(dialog, `Atelier: your request is approved (${reference}), with your reason`);
    await dialog.getByLabel('Reason, written for the customer and the audit trail').fill('Production had not begun');
    await dialog.getByRole('button', { name: /^Confirm/ }).click();
    // The server's refusal, in its words; the dialog stays open and the case is as the colleague left it.
    await expectText(dialog, 'Refused: nothing was changed');
    await expectText(dialog, `the case is at revision ${after.revision}, not ${before.revision}: read it again`);
    await expectAccessible(page, 'a refused override');
    await screenshot(page, 'desk-refused-action');
    const now = (await site.staff({ url: `/api/v1/cases/${opened.id}` })).json();
    expect(now).toMatchObject({ state: 'closed', revision: after.revision, outcome: 'denied' });
    expect(now.timeline.map((t: { action: string }) => t.action)).not.toContain('override');
    expect((await ledgerOf(site, opened.id)).entries).toEqual([]);
  });
});
