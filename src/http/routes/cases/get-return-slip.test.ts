import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp, openScenarioCase, THEOR_OWNER_TOKEN } from '../../../../test/desk-app.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import { scenarioCase } from '../../../../test/scenario-case.ts';

const desk = await deskApp();

const slipUrl = (id: string, customer?: { orderNumber: string; email: string }) =>
  customer
    ? `/api/v1/cases/${id}/return-slip.pdf?${new URLSearchParams(customer).toString()}`
    : `/api/v1/cases/${id}/return-slip.pdf`;
const act = (id: string, action: string, payload: object) =>
  desk.staff({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, payload });

describe(`return slips on ${desk.database.kind}`, () => {
  // Aulso: "Receive Authorization: … return instructions and the correct return address."
  const bracelet = scenarioCase('aulso', 'defective bracelet on day 12');
  const ana = { orderNumber: bracelet.order.number, email: 'ana@example.com' };
  let caseId = '';

  it('refuses a slip before the return is authorized with 409, naming the state', async () => {
    const c = await openScenarioCase(desk, bracelet);
    caseId = c.id;
    const res = await desk.app.inject({ url: slipUrl(caseId, ana) });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', path: 'id' });
    expect(res.json().message).toMatch(
      /AULSO-C\d+ is decided_approved: a return slip is printed only while the case awaits the return/,
    );
  });

  it('gives the customer a PDF with the shop, order, case, authorization, address and ship-by date in Hong Kong time', async () => {
    const authorized = await act(caseId, 'authorize', { revision: 0, shipBy: '2026-07-20T23:59:59+08:00' });
    expect(authorized.statusCode, authorized.body).toBe(200);
    const { authorizationNumber, reference } = authorized.json();

    const res = await desk.app.inject({ url: slipUrl(caseId, ana) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="return-slip-${reference}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = pdfText(res.rawPayload).join('\n');
    expect(text).toContain('Aulso');
    expect(text).toContain('AUL-88410');
    expect(text).toContain(reference);
    expect(text).toContain(authorizationNumber);
    expect(text).toContain('Rmo3,24/F,Ho King Comm Ctr,2-16 Fayuen St, Mong Kok,Hong Kong');
    expect(text).toContain('Monday 20 July 2026, 23:59 (Asia/Hong_Kong)');
    // From the instructions sent with the authorization: "we will cover the return shipping cost".
    expect(text).toContain('We pay the return shipping.');
    expect(text).not.toContain('Send it to:');
  });

  it('lets the shop’s staff print it, and no one else', async () => {
    expect((await desk.staff({ url: slipUrl(caseId), token: AULSO_AGENT_TOKEN })).statusCode).toBe(200);
    const otherShop = await desk.staff({ url: slipUrl(caseId), token: THEOR_OWNER_TOKEN });
    expect(otherShop.statusCode).toBe(403);
    expect((await desk.app.inject({ url: slipUrl(caseId) })).statusCode).toBe(401);
    const stranger = await desk.app.inject({ url: slipUrl(caseId, { ...ana, email: 'eve@example.com' }) });
    expect(stranger.statusCode).toBe(401);
    expect((await desk.staff({ url: slipUrl('no-such-case') })).statusCode).toBe(404);
  });

  it('refuses a slip once the parcel is on its way', async () => {
    const shipped = await desk.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/actions/ship_return`,
      payload: { ...ana, revision: 1, trackingNumber: 'RR318077428HK' },
    });
    expect(shipped.statusCode, shipped.body).toBe(200);
    const res = await desk.app.inject({ url: slipUrl(caseId, ana) });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('is in_transit');
  });

  it('prints the instructions staff wrote, on Letter paper for The Or', async () => {
    // The Or: "please send an email to info@theorjewelry.com for instructions and the return address."
    const c = await openScenarioCase(
      desk,
      scenarioCase('theor', 'unused full-price ring returned late on the 14th day'),
    );
    const authorized = await act(c.id, 'authorize', {
      revision: 0,
      shipBy: '2026-11-23T23:59:59-05:00',
      returnAddress: 'The Or Returns, 245 W 29th St, Suite 1102, New York, NY 10001, USA',
      instructions: 'Include the packing slip.\nPack the ring in its original box.\nReturn shipping is at your cost.',
    });
    expect(authorized.statusCode, authorized.body).toBe(200);
    const res = await desk.staff({ url: slipUrl(c.id), token: THEOR_OWNER_TOKEN });
    expect(res.statusCode, res.body).toBe(200);
    const text = pdfText(res.rawPayload).join('\n');
    expect(text).toContain('The Or');
    expect(text).toContain('TOR-7902');
    expect(text).toContain(authorized.json().authorizationNumber);
    expect(text).toContain('Monday 23 November 2026, 23:59 (America/New_York)');
    expect(text).toContain('Pack the ring in its original box.');
    expect(res.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
  });
});
