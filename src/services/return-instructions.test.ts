import { describe, expect, it } from 'vitest';
import { returnInstructions } from './return-instructions.ts';

describe('the return instructions Loupe writes when staff write none', () => {
  it('gives the ship-by deadline on the shop’s clock, as the mails do, never as a raw timestamp', () => {
    const text = returnInstructions(
      null,
      { authorizationNumber: 'RA-1', returnAddress: '1 Demo Street', shipBy: '2026-06-26T06:30:00.000Z' },
      { timeZone: 'America/New_York', locale: 'en-US' },
    );
    expect(text).toContain('Ship it by Friday, June 26, 2026 at 2:30 AM EDT.');
    expect(text).not.toContain('2026-06-26T');
    expect(text).toContain('quote RA-1 on the parcel');
  });
});
