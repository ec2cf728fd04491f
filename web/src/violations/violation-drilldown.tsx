// The drill-down of one event: every field, why the rules fired, the risk explanation, the cell's
// history, a link to the row in Smartsheet, the reviews, the acknowledge/resolve form (auditors
// and admins) and the admin's revert, which asks for confirmation before it writes anything.
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { api, describeFailure } from '../api/api-client.js';
import type {
  ReviewRequest,
  RevertRequest,
  RevertResult,
  ViolationDetail,
  ViolationItem,
} from '../api/contract-types.js';
import { useSession } from '../app/session.js';
import { RequestCorrectionLink } from '../pages/corrections-page.js';
import { formatDateTime, formatDeltaCents, formatScore, textOrEmpty } from '../ui/display-format.js';
import { ErrorNotice, Loading } from '../ui/load-state.js';
import { SeverityChip, StatusChip } from '../ui/severity-chip.js';
import { useApiData } from '../ui/use-api-data.js';
import { RiskExplanation } from './risk-explanation.js';

interface DrilldownProps {
  readonly eventId: string;
  onClose(): void;
  /** After a review or revert, so the table shows the new status. */
  onChanged(): void;
}

export function ViolationDrilldown({ eventId, onClose, onChanged }: DrilldownProps) {
  const { data, error, loading, reload } = useApiData<ViolationDetail>(
    `/api/violations/${encodeURIComponent(eventId)}`,
  );
  const { can } = useSession();

  function changed(): void {
    reload();
    onChanged();
  }

  return (
    <aside className="drilldown" aria-labelledby="drilldown-title" data-testid="drilldown">
      <header className="drilldown-header">
        <h2 id="drilldown-title">Event {data ? `#${data.event.seq}` : ''}</h2>
        <button type="button" className="button" onClick={onClose} data-testid="drilldown-close">
          Close
        </button>
      </header>
      <ErrorNotice error={error} />
      {loading && data?.event.eventId !== eventId && <Loading />}
      {data && data.event.eventId === eventId && (
        <>
          <EventFields event={data.event} />
          <section>
            <h3>Why the rules fired</h3>
            {data.reasons.length === 0 ? (
              <p className="muted">No rule reasons recorded.</p>
            ) : (
              <ul data-testid="rule-reasons">
                {data.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h3>Risk</h3>
            <RiskExplanation risk={data.risk} coldStartFallback={data.event.anomalyScore === null} />
          </section>
          <CellHistory history={data.cellHistory} note={data.cellHistoryNote ?? null} />
          <Reviews reviews={data.reviews} />
          <RequestCorrectionLink event={data.event} />
          {can('audit.review') && <ReviewForm eventId={eventId} onDone={changed} />}
          {/* Stays mounted once reverted (the reloaded event is no longer revertible) so the
              outcome of the revert stays on screen. */}
          {can('admin') && (data.revertible || data.reviews.some((r) => r.status === 'reverted')) && (
            <RevertControl event={data.event} revertible={data.revertible} onDone={changed} />
          )}
        </>
      )}
    </aside>
  );
}

function EventFields({ event }: { readonly event: ViolationItem }) {
  const link = smartsheetLink(event.sheetReference);
  const rows: [string, ReactNode][] = [
    ['Severity', <SeverityChip key="s" severity={event.severity} />],
    ['Code', <code key="c">{event.violationType}</code>],
    ['Status', <StatusChip key="st" status={event.reviewStatus} />],
    ['Issue', event.issueDescription],
    ['Suggested fix', event.suggestedFix],
    ['Sheet', `${textOrEmpty(event.sheetName)} (${textOrEmpty(event.sheetId)})`],
    ['Row', textOrEmpty(event.rowId)],
    ['Work Request', textOrEmpty(event.workRequest)],
    ['Week ending', textOrEmpty(event.weekEnding)],
    ['Column', textOrEmpty(event.columnName)],
    ['Old value', textOrEmpty(event.oldValue)],
    ['New value', textOrEmpty(event.newValue)],
    ['Impact', formatDeltaCents(event.deltaCents)],
    ['Changed by', textOrEmpty(event.changedBy)],
    ['Changed at', formatDateTime(event.changedAt)],
    ['Risk score', formatScore(event.riskScore)],
    ['Anomaly score', formatScore(event.anomalyScore)],
    ['Predicted category', textOrEmpty(event.predictedCategory)],
    ['Recorded', formatDateTime(event.timestamp)],
    ['Run', textOrEmpty(event.runId)],
    ['Event id', <code key="id">{event.eventId}</code>],
  ];
  return (
    <section>
      <dl className="facts" data-testid="drilldown-fields">
        {rows.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {link && (
        <p>
          <a href={link} target="_blank" rel="noopener noreferrer" data-testid="open-in-smartsheet">
            Open in Smartsheet
          </a>
        </p>
      )}
    </section>
  );
}

/** Only http(s) links leave the dashboard; anything else in the field is not a link. */
function smartsheetLink(reference: string | null): string | null {
  if (!reference) return null;
  try {
    const url = new URL(reference);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function CellHistory({
  history,
  note,
}: {
  readonly history: ViolationDetail['cellHistory'];
  readonly note: string | null;
}) {
  return (
    <section>
      <h3>Cell history</h3>
      {history.length === 0 ? (
        <p className="muted">{note ?? 'No cell history for this event.'}</p>
      ) : (
        <table className="data-table compact" data-testid="cell-history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Value</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry, index) => (
              <tr key={`${entry.modifiedAt}-${index}`}>
                <td>{formatDateTime(entry.modifiedAt)}</td>
                <td>{textOrEmpty(entry.value)}</td>
                <td>{textOrEmpty(entry.modifiedBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Reviews({ reviews }: { readonly reviews: ViolationDetail['reviews'] }) {
  return (
    <section>
      <h3>Reviews</h3>
      {reviews.length === 0 ? (
        <p className="muted">Not reviewed yet.</p>
      ) : (
        <ul className="reviews" data-testid="reviews">
          {reviews.map((review, index) => (
            <li key={`${review.at}-${index}`}>
              <StatusChip status={review.status} /> {review.by} · {formatDateTime(review.at)}
              <p>{review.comment}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewForm({ eventId, onDone }: { readonly eventId: string; onDone(): void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function review(status: 'acknowledged' | 'resolved'): Promise<void> {
    if (comment.trim() === '') {
      setError('A comment is required.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const request: ReviewRequest = { status, comment: comment.trim() };
      await api.post(`/api/violations/${encodeURIComponent(eventId)}/review`, request);
      setComment('');
      onDone();
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void review('acknowledged');
  }

  return (
    <form className="review-form" onSubmit={submit}>
      <h3>Review</h3>
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      <label className="field">
        <span>Comment (required)</span>
        <textarea
          required
          maxLength={2000}
          rows={3}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          data-testid="review-comment"
        />
      </label>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void review('acknowledged')}
          data-testid="review-acknowledge"
        >
          Acknowledge
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void review('resolved')}
          data-testid="review-resolve"
        >
          Resolve
        </button>
      </div>
    </form>
  );
}

function RevertControl({
  event,
  revertible,
  onDone,
}: {
  readonly event: ViolationItem;
  readonly revertible: boolean;
  onDone(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<RevertResult | null>(null);
  const [busy, setBusy] = useState(false);

  async function revert(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const request: RevertRequest = { confirm: true };
      setDone(
        await api.post<RevertResult>(`/api/violations/${encodeURIComponent(event.eventId)}/revert`, request),
      );
      setConfirming(false);
      onDone();
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="revert">
      <h3>Revert</h3>
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {done && (
        <div className="notice notice-success" role="status" data-testid="revert-done">
          Reverted: the cell now holds {textOrEmpty(done.to)} again (was {textOrEmpty(done.from)}).
        </div>
      )}
      {!revertible ? (
        !done && <p className="muted">This change has been reverted.</p>
      ) : !confirming ? (
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => setConfirming(true)}
          data-testid="revert-button"
        >
          Revert this change
        </button>
      ) : (
        <div className="confirm-box" role="alertdialog" aria-labelledby="revert-question">
          <p id="revert-question">
            Write <strong>{textOrEmpty(event.oldValue)}</strong> back to{' '}
            <strong>{textOrEmpty(event.columnName)}</strong> of row {textOrEmpty(event.rowId)} in{' '}
            {textOrEmpty(event.sheetName)}, replacing <strong>{textOrEmpty(event.newValue)}</strong>? This
            changes the sheet and is recorded in the trail.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void revert()}
              data-testid="revert-confirm"
            >
              Yes, revert
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => setConfirming(false)}
              data-testid="revert-cancel"
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
