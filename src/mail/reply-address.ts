import { randomBytes } from 'node:crypto';

/**
 * A fresh reply token: 120 bits from `crypto.randomBytes` in lower-case hex
 * (mail systems may fold an address's case), so one case's token says
 * nothing of another's and none can be guessed.
 */
export function newReplyToken(): string {
  return randomBytes(15).toString('hex');
}

/** The address replies about a case go to: `reply+<token>@<domain>`. */
export function replyAddress(token: string, domain: string): string {
  return `reply+${token}@${domain}`;
}

/** The token of a reply address, whatever its domain and case; undefined for any other address. */
export function readReplyToken(address: string): string | undefined {
  const match = /^reply\+([0-9a-f]{30})@/i.exec(address.trim());
  return match?.[1]?.toLowerCase();
}
