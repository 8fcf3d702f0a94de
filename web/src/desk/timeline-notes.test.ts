import { describe, expect, it } from 'vitest';
import { timelineNotes } from './timeline-notes';

describe('the notes under a timeline entry', () => {
  it('name the order a remake created, as the resolve action records it', () => {
    const detail = { resolution: 'remake', followUpOrder: { id: 'o-1', number: 'AT-2041-REMAKE-7', kind: 'remake' } };
    expect(timelineNotes(detail)).toEqual({ followUpOrder: 'New remake order AT-2041-REMAKE-7' });
  });

  it('quote a written reason, and say nothing of a detail without either', () => {
    expect(timelineNotes({ reason: 'the order was refunded or cancelled outside Loupe' })).toEqual({
      reason: 'the order was refunded or cancelled outside Loupe',
    });
    expect(timelineNotes({ outcome: 'approved' })).toEqual({});
    expect(timelineNotes(null)).toEqual({});
  });
});
