// Work Requests: 8-digit numbers (such as 89708709) with the customer, job and scope they belong to, the
// crew sheet that works them, and the run of weeks they were active. About one in ten is worked by a
// second crew too, which is where duplicate units across sheets can come from.
import type { SeededRandom } from './seeded-random.js';

export interface WorkRequest {
  number: number;
  homeSheet: number;
  /** A second sheet whose crew also works this WR. */
  otherSheet?: number;
  /** First and last week index (inclusive) during which units were recorded. */
  firstWeek: number;
  lastWeek: number;
  customer: string;
  job: string;
  workOrder: string;
  dept: string;
  scope: string;
  area: string;
  /** First pole number of the job; units are recorded against poles near it. */
  firstPole: number;
}

const CUSTOMERS = [
  'Prairie Power & Light',
  'Central Plains Electric Cooperative',
  'Lakeshore Energy',
  'Illinois Valley Utilities',
  'Fox River Municipal Electric',
  'Kankakee Rural Electric',
];

const AREAS = (
  'Aurora Joliet Naperville Elgin Peoria Kankakee Ottawa Morris Dixon Sterling DeKalb Pontiac Streator ' +
  'Plano Yorkville Minooka Channahon Wilmington Sandwich Marseilles'
).split(' ');

const DEPTS = ['4410', '4420', '4435', '5120', '5150'];

/**
 * Create `count` Work Requests spread over `sheetCount` sheets and `weekCount` weeks. Each sheet's WRs
 * are spaced evenly along the calendar so every week has work on every sheet. Numbers in `taken` are
 * never reused.
 */
export function generateWorkRequests(
  random: SeededRandom,
  count: number,
  sheetCount: number,
  weekCount: number,
  taken: ReadonlySet<number> = new Set(),
): WorkRequest[] {
  const numbers = new Set<number>(taken);
  const perSheet = Array.from({ length: sheetCount }, () => 0);
  const homes = Array.from({ length: count }, (_, i) => i % sheetCount);
  for (const home of homes) perSheet[home] = (perSheet[home] ?? 0) + 1;
  const seenOnSheet = Array.from({ length: sheetCount }, () => 0);

  return homes.map((homeSheet) => {
    let number: number;
    do number = random.int(85_000_000, 99_999_999);
    while (numbers.has(number));
    numbers.add(number);

    const rank = seenOnSheet[homeSheet] ?? 0;
    seenOnSheet[homeSheet] = rank + 1;
    const onSheet = perSheet[homeSheet] ?? 1;
    const length = Math.min(weekCount, random.int(2, 8));
    const centre = ((rank + 0.5) * weekCount) / onSheet;
    const firstWeek = Math.max(0, Math.min(weekCount - length, Math.round(centre - length / 2)));

    const workRequest: WorkRequest = {
      number,
      homeSheet,
      firstWeek,
      lastWeek: firstWeek + length - 1,
      customer: random.pick(CUSTOMERS),
      job: `${random.int(24, 26)}-${String(random.int(1, 9999)).padStart(4, '0')}`,
      workOrder: `WO-${random.int(7_000_000, 7_999_999)}`,
      dept: random.pick(DEPTS),
      scope: `SC-${random.int(10_000, 99_999)}`,
      area: random.pick(AREAS),
      firstPole: random.int(100, 9_000),
    };
    if (sheetCount > 1 && random.chance(0.1)) {
      workRequest.otherSheet = (homeSheet + random.int(1, sheetCount - 1)) % sheetCount;
    }
    return workRequest;
  });
}

/** The WRs each sheet's crew works in each week (own and shared): `index[sheet][week]`. */
export function indexWorkRequests(
  all: readonly WorkRequest[],
  sheetCount: number,
  weekCount: number,
): WorkRequest[][][] {
  const index = Array.from({ length: sheetCount }, () =>
    Array.from({ length: weekCount }, (): WorkRequest[] => []),
  );
  for (const wr of all) {
    for (let week = wr.firstWeek; week <= wr.lastWeek; week += 1) {
      index[wr.homeSheet]?.[week]?.push(wr);
      if (wr.otherSheet !== undefined) index[wr.otherSheet]?.[week]?.push(wr);
    }
  }
  return index;
}
