/** What a timeline entry's detail adds for the reader: the reason given, and the order a remedy created. */
export type TimelineNotes = { reason?: string; followUpOrder?: string };

/**
 * Reads an audit entry's detail: a written reason (an override, a lowered
 * refund cap), and the follow-up order a remake, replacement, exchange or
 * reship created ("A remake ... creates the new shipment as an order of its own").
 */
export function timelineNotes(detail: unknown): TimelineNotes {
  if (!detail || typeof detail !== 'object') return {};
  const { reason, followUpOrder } = detail as { reason?: unknown; followUpOrder?: unknown };
  const notes: TimelineNotes = {};
  if (typeof reason === 'string') notes.reason = reason;
  const order = followUpOrder as { number?: unknown; kind?: unknown } | null | undefined;
  if (order && typeof order.number === 'string') {
    const kind = typeof order.kind === 'string' ? order.kind.replaceAll('_', ' ') : 'follow-up';
    notes.followUpOrder = `New ${kind} order ${order.number}`;
  }
  return notes;
}
