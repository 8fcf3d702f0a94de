/** A text with the words a search matched marked. */
export function Highlight({ text, terms }: { text: string; terms: string[] }) {
  const words = terms.filter((t) => t.length > 1).map((t) => t.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return <>{text}</>;
  // A match starts a word: "not" is not marked inside "noted".
  const pattern = new RegExp(`\\b(${words.join('|')})`, 'gi');
  return (
    <>
      {text.split(pattern).map((part, i) =>
        // Split with one capture group: odd parts are the matches.
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, never reordered
        i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>,
      )}
    </>
  );
}
