import { describe, expect, it } from 'vitest';
import { auditEventsFor } from './audit-event.js';
import { findingsFor } from './findings-for-change.js';
import { summariseFindings } from './findings-summary.js';
import type { AttributedChange } from './attributed-change.js';
import {
  buildAuditContext,
  buildCellChange,
  buildRowDeleted,
  MALLORY,
  PAT,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();
const eventsOf = (change: AttributedChange) => auditEventsFor(change, findingsFor(change, context), context);

describe('summariseFindings', () => {
  it('counts by severity and type, and sums each change’s impact once', () => {
    const events = [
      // +$4,549.05, raised three times (POST_CLOSE_EDIT, PRICE_OVERRIDE, UNAUTHORIZED_EDITOR)
      ...eventsOf(buildCellChange('price', '$4,595.00', { editor: MALLORY })),
      // −$45.95 (BILLED_ROW_DELETED, UNAUTHORIZED_EDITOR)
      ...eventsOf(buildRowDeleted()),
      // −$5.95 (AUTHORIZED_CORRECTION, PRICE_OVERRIDE)
      ...eventsOf(buildCellChange('price', '$40.00', { editor: PAT, columnName: 'Total Price' })),
      // unknown impact (POST_CLOSE_EDIT, DATA_QUALITY)
      ...eventsOf(buildCellChange('quantity', 'lots', { columnName: 'Qty' })),
    ];
    const summary = summariseFindings(events);
    expect(summary).toEqual({
      eventCount: 9,
      bySeverity: { INFO: 1, LOW: 1, MEDIUM: 3, HIGH: 4, CRITICAL: 0 },
      byType: {
        POST_CLOSE_EDIT: 2,
        PRICE_OVERRIDE: 2,
        UNAUTHORIZED_EDITOR: 2,
        BILLED_ROW_DELETED: 1,
        AUTHORIZED_CORRECTION: 1,
        DATA_QUALITY: 1,
      },
      changeCount: 4,
      netImpactCents: 454_905 - 4_595 - 595,
      grossImpactCents: 454_905 + 4_595 + 595,
      unknownImpactCount: 1,
      status: 'CHANGES DETECTED',
    });
  });

  it('reports a run without events as secure', () => {
    expect(summariseFindings([])).toMatchObject({ eventCount: 0, netImpactCents: 0, status: 'SECURE' });
  });
});
