import type { ReactNode } from 'react';
import type { TrailStatus } from '../api/contract-types.js';
import { formatCount, formatDateTime } from '../ui/display-format.js';

/** The audit trail's state: how many events, the head, and the last verification's outcome. */
export function TrailCard({
  trail,
  children,
}: {
  readonly trail: TrailStatus;
  readonly children?: ReactNode;
}) {
  const state = trail.ok === null ? 'not verified yet' : trail.ok ? 'intact' : 'BROKEN';
  return (
    <div className="card" data-testid="trail-status">
      <h2>Audit trail</h2>
      <dl className="facts">
        <dt>State</dt>
        <dd className={trail.ok === false ? 'text-danger' : undefined} data-testid="trail-state">
          {state}
        </dd>
        <dt>Events</dt>
        <dd>{formatCount(trail.eventCount)}</dd>
        <dt>Head</dt>
        <dd>{trail.headSeq ?? '—'}</dd>
        <dt>Last verified</dt>
        <dd>{formatDateTime(trail.lastVerifiedAt)}</dd>
        {trail.problem && (
          <>
            <dt>Problem</dt>
            <dd className="text-danger">{trail.problem}</dd>
          </>
        )}
      </dl>
      {children}
    </div>
  );
}
