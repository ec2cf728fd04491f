/**
 * Every migration, by name, in an import map rather than a folder scan so the list is the same
 * under tsx and from dist/. Names sort in the order they run; append new ones at the end.
 */
import { initialSchema } from './0001-initial-schema.js';
import { riskScoring } from './0002-risk-scoring.js';
import { auth } from './0003-auth.js';
import { eventReviews } from './0004-event-reviews.js';
import { accessReviews } from './0005-access-reviews.js';
import { corrections } from './0006-corrections.js';
import { dashboardScaleIndexes } from './0007-dashboard-scale-indexes.js';
import { violationRiskOrderIndex } from './0008-violation-risk-order-index.js';
import { publishedReportsPageIndex } from './0009-published-reports-page-index.js';
import type { StoreMigration } from './store-migration.js';

export const MIGRATIONS: Readonly<Record<string, StoreMigration>> = {
  '0001-initial-schema': initialSchema,
  '0002-risk-scoring': riskScoring,
  '0003-auth': auth,
  '0004-event-reviews': eventReviews,
  '0005-access-reviews': accessReviews,
  '0006-corrections': corrections,
  '0007-dashboard-scale-indexes': dashboardScaleIndexes,
  '0008-violation-risk-order-index': violationRiskOrderIndex,
  '0009-published-reports-page-index': publishedReportsPageIndex,
};
