import type { RateUnit } from '../rate-table.js';

/** A contract rate unit priced like ALB-6-AUR1 ($45.95 install, $33.33 removal, $106.54 transfer). */
export function buildRateUnit(overrides: Partial<RateUnit> = {}): RateUnit {
  return {
    wbs: 'CU-2',
    cu: 'ALB-6-AUR1',
    unitOfMeasure: 'EA',
    description: 'ALB,6ft Alum Upsweep,Round 1 1/4" Dia',
    unitGroup: 'LB',
    installHours: 0.32,
    removalHours: 0.176,
    transferHours: 0.576,
    installPriceCents: 4595,
    removalPriceCents: 3333,
    transferPriceCents: 10654,
    line: 3,
    ...overrides,
  };
}
