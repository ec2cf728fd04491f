// Access review: every Ledgerline account and Smartsheet editor of the latest (or a chosen)
// monthly review with role, access level, last activity, flags and the recommendation; the
// reviewer records a decision per subject, and the review downloads as CSV or xlsx.
import { useState } from 'react';
import { api, describeFailure, queryString } from '../api/api-client.js';
import type {
  AccessDecisionName,
  AccessReviewDecisionRequest,
  AccessReviewSubjectView,
  AccessReviewView,
} from '../api/contract-types.js';
import { navigate, useLocation } from '../app/router.js';
import { formatDateTime, textOrEmpty } from '../ui/display-format.js';
import { LoadState } from '../ui/load-state.js';
import { useApiData } from '../ui/use-api-data.js';

const DECISIONS: readonly { value: AccessDecisionName; label: string }[] = [
  { value: 'keep', label: 'Keep' },
  { value: 'downgrade', label: 'Downgrade' },
  { value: 'revoke', label: 'Revoke' },
  { value: 'accept-risk', label: 'Accept the risk (comment required)' },
];

export function AccessReviewPage() {
  const { search } = useLocation();
  const reviewId = search.get('id');
  const { data, error, loading, reload } = useApiData<AccessReviewView>(
    `/api/access-review${queryString({ id: reviewId })}`,
  );
  const idQuery = queryString({ id: data?.review.id });

  return (
    <section className="page" aria-labelledby="access-title">
      <div className="page-header">
        <h1 id="access-title">Access review</h1>
        {data && (
          <div className="button-row">
            <a
              className="button"
              href={`/api/access-review/export.csv${idQuery}`}
              download
              data-testid="access-export-csv"
            >
              Download CSV
            </a>
            <a
              className="button"
              href={`/api/access-review/export.xlsx${idQuery}`}
              download
              data-testid="access-export-xlsx"
            >
              Download XLSX
            </a>
          </div>
        )}
      </div>
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      {data && (
        <>
          <div className="card review-summary">
            <label className="field">
              <span>Review</span>
              <select
                value={data.review.id}
                onChange={(event) => navigate(`/access-review${queryString({ id: event.target.value })}`)}
                data-testid="access-review-select"
              >
                {(data.history.some((entry) => entry.id === data.review.id)
                  ? data.history
                  : [data.review, ...data.history]
                ).map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.period} ({formatDateTime(entry.createdAt)})
                  </option>
                ))}
              </select>
            </label>
            <p data-testid="access-summary">
              {data.summary.subjects} subjects ({data.summary.accounts} accounts,{' '}
              {data.summary.smartsheetSubjects} Smartsheet) · {data.summary.flagged} flagged ·{' '}
              {data.summary.decided} decided, {data.summary.undecided} open
              {data.summary.sheetProblems > 0
                ? ` · ${data.summary.sheetProblems} sheets could not be read`
                : ''}
            </p>
          </div>
          <div className="table-wrap">
            <table className="data-table" data-testid="access-table">
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Role / access</th>
                  <th scope="col">Last activity</th>
                  <th scope="col">Last reviewed</th>
                  <th scope="col">Flags</th>
                  <th scope="col">Recommendation</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {data.subjects.length === 0 && (
                  <tr>
                    <td colSpan={8} className="muted">
                      No accounts to review.
                    </td>
                  </tr>
                )}
                {data.subjects.map((subject) => (
                  <SubjectRow
                    key={subject.key}
                    reviewId={data.review.id}
                    subject={subject}
                    onDecided={reload}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function SubjectRow({
  reviewId,
  subject,
  onDecided,
}: {
  readonly reviewId: string;
  readonly subject: AccessReviewSubjectView;
  onDecided(): void;
}) {
  const [decision, setDecision] = useState<AccessDecisionName | ''>('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = subject.name ? `${subject.name} <${subject.email}>` : subject.email;

  async function record(): Promise<void> {
    if (decision === '') return;
    if (decision === 'accept-risk' && comment.trim() === '') {
      setError('Accepting the risk needs a comment.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const request: AccessReviewDecisionRequest = {
        reviewId,
        subjectKey: subject.key,
        decision,
        ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      };
      await api.post('/api/access-review/decisions', request);
      setDecision('');
      setComment('');
      onDecided();
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr data-testid="access-row" data-subject-key={subject.key}>
      <td>
        {label}
        {subject.disabled && <span className="chip chip-status chip-status-disabled">disabled</span>}
      </td>
      <td>{subject.kind === 'account' ? 'Ledgerline' : 'Smartsheet'}</td>
      <td>
        {textOrEmpty(subject.role ?? subject.accessLevel)}
        {subject.sheets.length > 0 && <div className="muted">{subject.sheets.length} sheets</div>}
        {subject.kind === 'account' && subject.mfaEnabled !== null && (
          <div className="muted">MFA {subject.mfaEnabled ? 'on' : 'off'}</div>
        )}
      </td>
      <td>
        {formatDateTime(subject.lastActivityAt)}
        {subject.lastActivitySource && <div className="muted">{subject.lastActivitySource}</div>}
      </td>
      <td>
        {formatDateTime(subject.lastReviewedAt)}
        {subject.lastDecision && <div className="muted">{subject.lastDecision}</div>}
      </td>
      <td>
        {subject.flags.map((flag) => (
          <span key={flag} className="chip chip-flag">
            {flag}
          </span>
        ))}
      </td>
      <td className="wrap">
        <strong>{subject.recommendation}</strong>
        {subject.reasons.length > 0 && (
          <ul className="reasons">
            {subject.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="decision-cell">
        {subject.decision && (
          <div data-testid="access-decision-in-force">
            <strong>{subject.decision.decision}</strong>{' '}
            <span className="muted">
              by {subject.decision.reviewer}, {formatDateTime(subject.decision.decidedAt)}
            </span>
            {subject.decision.comment && <div className="muted">“{subject.decision.comment}”</div>}
          </div>
        )}
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        <select
          aria-label={`Decision for ${label}`}
          value={decision}
          onChange={(event) => setDecision(event.target.value as AccessDecisionName | '')}
          data-testid="access-decision"
        >
          <option value="">{subject.decision ? 'Change the decision…' : 'Decide…'}</option>
          {DECISIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <input
          type="text"
          aria-label={`Comment for ${label}`}
          placeholder="Comment"
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          data-testid="access-comment"
        />
        <button
          type="button"
          className="button"
          disabled={busy || decision === ''}
          onClick={() => void record()}
          data-testid="access-record"
        >
          Record
        </button>
      </td>
    </tr>
  );
}
