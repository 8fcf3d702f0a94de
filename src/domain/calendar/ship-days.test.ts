import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../../policies/load-policy-file.ts';
import { type Destination, isShipDay, nextShipDay } from './ship-days.ts';
import { dayNumberOf } from './zoned-time.ts';

const theOr = loadPolicyFile(path.join(BUNDLED_POLICIES_DIR, 'theor.yaml'));
const aulso = loadPolicyFile(path.join(BUNDLED_POLICIES_DIR, 'aulso.yaml'));

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumberOf(y as number, m as number, d as number);
};

const rows: {
  name: string;
  profile: typeof theOr.profile;
  date: string;
  destination: Destination;
  ships: boolean;
  next: string;
}[] = [
  {
    name: 'The Or ships a domestic parcel on a Tuesday',
    profile: theOr.profile,
    date: '2026-09-15',
    destination: 'domestic',
    ships: true,
    next: '2026-09-15',
  },
  {
    name: 'The Or ships nothing on a Saturday: Monday next',
    profile: theOr.profile,
    date: '2026-09-12',
    destination: 'domestic',
    ships: false,
    next: '2026-09-14',
  },
  {
    name: 'The Or ships nothing on Labor Day: Tuesday next',
    profile: theOr.profile,
    date: '2026-09-07',
    destination: 'domestic',
    ships: false,
    next: '2026-09-08',
  },
  {
    name: 'The Or hands international parcels over on Mondays',
    profile: theOr.profile,
    date: '2026-09-14',
    destination: 'international',
    ships: true,
    next: '2026-09-14',
  },
  {
    name: 'The Or has no international pick-up on a Tuesday: Thursday next',
    profile: theOr.profile,
    date: '2026-09-15',
    destination: 'international',
    ships: false,
    next: '2026-09-17',
  },
  {
    name: 'The Or has no international pick-up on Thanksgiving: the Monday after',
    profile: theOr.profile,
    date: '2026-11-26',
    destination: 'international',
    ships: false,
    next: '2026-11-30',
  },
  {
    name: 'a shop with no ship days ships on its business days: not on 1 July in Hong Kong',
    profile: aulso.profile,
    date: '2026-07-01',
    destination: 'international',
    ships: false,
    next: '2026-07-02',
  },
];

describe('ship days', () => {
  it.each(rows)('$name', ({ profile, date, destination, ships, next }) => {
    expect(isShipDay(profile, day(date), destination)).toBe(ships);
    expect(nextShipDay(profile, day(date), destination)).toBe(day(next));
  });
});
