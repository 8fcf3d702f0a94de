/** How people name a case: the shop and its number, `AULSO-C42`. */
export function caseReference(shopId: string, number: number): string {
  return `${shopId.toUpperCase()}-C${number}`;
}
