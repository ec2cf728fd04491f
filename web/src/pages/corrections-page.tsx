// Corrections (issue #12): ask for a change to a closed week's billing cell (field, new value,
// reason), follow your requests, and — for auditors and admins — approve or reject other people's.
// An approval writes the cell in Smartsheet at once (unlock → write → re-lock) and a cycle
// republishes the week's report; the request, decision and applied change are in the trail.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, describeFailure } from '../api/api-client.js';
import type {
  CorrectableFieldName,
  CorrectionCreateRequest,
  CorrectionDecisionReply,
  CorrectionDecisionRequest,
  CorrectionList,
  CorrectionView,
  ViolationItem,
} from '../api/contract-types.js';
import { Link, navigate, useLocation } from '../app/router.js';
import { formatDateTime, textOrEmpty } from '../ui/display-format.js';
import { LoadState } from '../ui/load-state.js';
import { useApiData } from '../ui/use-api-data.js';

const FIELD_LABELS: Readonly<Record<CorrectableFieldName, string>> = {
  price: 'Price',
  quantity: 'Quantity',
  cu: 'CU',
  workType: 'Work type',
  completed: 'Completed (yes/no)',
  weekEnding: 'Week ending (YYYY-MM-DD)',
};

export function CorrectionsPage() {
  const { search } = useLocation();
  const { data, error, loading, reload } = useApiData<CorrectionList>('/api/corrections');
  const target = {
    eventId: search.get('eventId'),
    sheetId: search.get('sheetId'),
    rowId: search.get('rowId'),
  };
  const asking = target.eventId !== null || (target.sheetId !== null && target.rowId !== null);

  return (
    <section className="page" aria-labelledby="corrections-title">
      <div className="page-header">
        <h1 id="corrections-title">Corrections</h1>
      </div>
      <p className="muted">
        A billed (closed) week is corrected through a request: someone other than you approves it, then
        Ledgerline writes the cell, locks the row again and republishes the report.
      </p>
      {asking && (
        <CorrectionForm
          eventId={target.eventId}
          sheetId={target.sheetId}
          rowId={target.rowId}
          fields={data?.fields ?? ['price', 'quantity', 'cu', 'workType', 'completed', 'weekEnding']}
          onCreated={() => {
            navigate('/corrections', { replace: true });
            reload();
          }}
        />
      )}
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      {data && (
        <div className="table-wrap">
          <table className="data-table" data-testid="corrections-table">
            <thead>
              <tr>
                <th scope="col">Requested</th>
                <th scope="col">By</th>
                <th scope="col">Row</th>
                <th scope="col">Change</th>
                <th scope="col">Reason</th>
                <th scope="col">Status</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {data.items.length === 0 && (
                <tr>
                  <td colSpan={7} className="muted">
                    {data.all ? 'No correction requests yet.' : 'You have not requested any correction.'}
                  </td>
                </tr>
              )}
              {data.items.map((item) => (
                <CorrectionRow key={item.id} item={item} onChanged={reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CorrectionForm(props: {
  readonly eventId: string | null;
  readonly sheetId: string | null;
  readonly rowId: string | null;
  readonly fields: readonly CorrectableFieldName[];
  onCreated(): void;
}) {
  const [field, setField] = useState<CorrectableFieldName>('price');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const request: CorrectionCreateRequest = {
      field,
      newValue: value,
      reason,
      ...(props.eventId !== null
        ? { eventId: props.eventId }
        : { sheetId: Number(props.sheetId), rowId: Number(props.rowId) }),
    };
    try {
      await api.post<CorrectionView>('/api/corrections', request);
      props.onCreated();
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card correction-form"
      onSubmit={(event) => void submit(event)}
      data-testid="correction-form"
    >
      <h2>Request a correction</h2>
      <p className="muted">
        {props.eventId !== null
          ? 'For the row of the violation you opened.'
          : `Row ${props.rowId ?? ''} of sheet ${props.sheetId ?? ''}.`}
      </p>
      {error && (
        <div className="notice notice-error" role="alert" data-testid="correction-error">
          {error}
        </div>
      )}
      <label className="field">
        <span>Field</span>
        <select
          value={field}
          onChange={(event) => setField(event.target.value as CorrectableFieldName)}
          data-testid="correction-field"
        >
          {props.fields.map((name) => (
            <option key={name} value={name}>
              {FIELD_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>New value</span>
        <input
          value={value}
          onChange={(event) => setValue(event.target.value)}
          required
          data-testid="correction-value"
        />
      </label>
      <label className="field">
        <span>Reason</span>
        <textarea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          maxLength={2000}
          data-testid="correction-reason"
        />
      </label>
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          data-testid="correction-submit"
        >
          Request correction
        </button>
        <Link to="/corrections" className="button">
          Cancel
        </Link>
      </div>
    </form>
  );
}

function CorrectionRow({ item, onChanged }: { readonly item: CorrectionView; onChanged(): void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const last = item.steps.at(-1);

  async function act(path: string, body: unknown): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const reply = await api.post<CorrectionDecisionReply>(path, body);
      if (reply.applied === false) setError(`Applying failed: ${reply.error ?? 'unknown error'}`);
      onChanged();
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }
  const decide = (decision: CorrectionDecisionRequest['decision']) =>
    act(`/api/corrections/${encodeURIComponent(item.id)}/decision`, {
      decision,
      comment: comment || null,
    } satisfies CorrectionDecisionRequest);

  return (
    <tr data-testid="correction-row" data-correction-id={item.id}>
      <td>{formatDateTime(item.requestedAt)}</td>
      <td>{item.requestedBy}</td>
      <td>
        {textOrEmpty(item.sheetName)} · row {item.rowId}
        {item.workRequest ? ` · WR ${item.workRequest}` : ''}
        {item.weekEnding ? ` · week ending ${item.weekEnding}` : ''}
      </td>
      <td>
        {item.field}: {textOrEmpty(item.currentValue)} → <strong>{item.newValueLabel}</strong>
      </td>
      <td>{item.reason}</td>
      <td>
        <span className={`chip chip-${item.status}`} data-testid="correction-status">
          {item.status}
        </span>
        {last && (
          <div className="muted">
            {last.kind} by {last.actor}, {formatDateTime(last.at)}
            {last.comment ? `: ${last.comment}` : ''}
            {typeof last.details.error === 'string' ? ` — ${last.details.error}` : ''}
          </div>
        )}
      </td>
      <td>
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        {item.canDecide && (
          <div className="button-column">
            <input
              placeholder="Comment (required to reject)"
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              aria-label="Decision comment"
              data-testid="correction-comment"
            />
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void decide('approve')}
                data-testid="correction-approve"
              >
                Approve and apply
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={busy}
                onClick={() => void decide('reject')}
                data-testid="correction-reject"
              >
                Reject
              </button>
            </div>
          </div>
        )}
        {item.canRetry && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act(`/api/corrections/${encodeURIComponent(item.id)}/apply`, {})}
            data-testid="correction-retry"
          >
            Apply again
          </button>
        )}
      </td>
    </tr>
  );
}

/** The drill-down's way into the form: a correction of the violation's row. */
export function RequestCorrectionLink({ event }: { readonly event: ViolationItem }) {
  if (event.rowId === null || event.sheetId === null) return null;
  return (
    <section>
      <h3>Correction</h3>
      <p className="muted">If this billed value is wrong, ask for a correction; someone else approves it.</p>
      <Link
        to={`/corrections?eventId=${encodeURIComponent(event.eventId)}`}
        className="button"
        data-testid="request-correction"
      >
        Request correction
      </Link>
    </section>
  );
}
