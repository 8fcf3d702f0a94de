/**
 * The new part of a reply: the text above the quoted mail it answers
 * ("On Mon, 4 May 2026, Aulso <…> wrote:" and the `>` lines after it, or an
 * "Original Message" divider). The whole text when that would leave nothing.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const quotedFrom = (i: number) => lines.slice(i).every((l) => l.startsWith('>') || l.trim() === '');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    const header = /wrote:$/.test(line) && (/^On\s/.test(line) || /^On\s/.test(lines[i - 1]?.trim() ?? ''));
    if (header && quotedFrom(i + 1)) {
      cut = /^On\s/.test(line) ? i : i - 1;
      break;
    }
    if (/^-{2,}\s*Original Message\s*-{2,}$/i.test(line) || (line.startsWith('>') && quotedFrom(i))) {
      cut = i;
      break;
    }
  }
  const kept = lines.slice(0, cut).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
