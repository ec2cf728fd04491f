// Settings: the configuration without secrets, webhooks and their state, the risk model, backups,
// and the audit trail's state with "Verify now" (auditors and admins).
import { useState } from 'react';
import { api, describeFailure } from '../api/api-client.js';
import type { SettingsResponse, TrailStatus, TrailVerification } from '../api/contract-types.js';
import { useSession } from '../app/session.js';
import { formatBytes, formatDateTime, textOrEmpty } from '../ui/display-format.js';
import { ErrorNotice, LoadState } from '../ui/load-state.js';
import { StatusChip } from '../ui/severity-chip.js';
import { useApiData } from '../ui/use-api-data.js';
import { TrailCard } from './trail-card.js';

export function SettingsPage() {
  const { data, error, loading } = useApiData<SettingsResponse>('/api/settings');
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      {data && (
        <div className="settings-grid">
          <TrailPanel />
          <ModelCard model={data.model} />
          <WebhooksCard webhooks={data.webhooks} />
          <BackupsCard backups={data.backups} />
          <ConfigCard config={data.config} />
        </div>
      )}
    </section>
  );
}

function TrailPanel() {
  const { can } = useSession();
  const { data, error, reload } = useApiData<TrailStatus>('/api/trail');
  const [verification, setVerification] = useState<TrailVerification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify(): Promise<void> {
    setBusy(true);
    setVerifyError(null);
    try {
      setVerification(await api.post<TrailVerification>('/api/trail/verify'));
      reload();
    } catch (failure) {
      setVerifyError(describeFailure(failure));
    } finally {
      setBusy(false);
    }
  }

  if (error !== undefined) return <ErrorNotice error={error} />;
  const trail = verification ?? data;
  if (!trail) return null;
  return (
    <TrailCard trail={trail}>
      {verification && (
        <p className="muted" data-testid="trail-verification">
          {verification.checkpointsChecked} checkpoints checked in {verification.durationMs} ms
          {verification.firstBadSeq !== null ? `; first bad event #${verification.firstBadSeq}` : ''}.
        </p>
      )}
      {verifyError && (
        <div className="notice notice-error" role="alert">
          {verifyError}
        </div>
      )}
      {can('audit.review') && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void verify()}
          data-testid="trail-verify"
        >
          {busy ? 'Verifying…' : 'Verify now'}
        </button>
      )}
    </TrailCard>
  );
}

function ModelCard({ model }: { readonly model: SettingsResponse['model'] }) {
  return (
    <div className="card">
      <h2>Risk model</h2>
      <dl className="facts" data-testid="settings-model">
        <dt>Model</dt>
        <dd>{model.coldStart ? 'cold start (rules only)' : textOrEmpty(model.modelId)}</dd>
        <dt>Trained</dt>
        <dd>{formatDateTime(model.createdAt)}</dd>
        <dt>Changes learnt from</dt>
        <dd>{textOrEmpty(model.sampleCount)}</dd>
        <dt>Training window</dt>
        <dd>
          {model.trainedFrom || model.trainedTo
            ? `${formatDateTime(model.trainedFrom)} – ${formatDateTime(model.trainedTo)}`
            : '—'}
        </dd>
        {model.problem && (
          <>
            <dt>Problem</dt>
            <dd className="text-danger">{model.problem}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function WebhooksCard({ webhooks }: { readonly webhooks: SettingsResponse['webhooks'] }) {
  return (
    <div className="card card-wide">
      <h2>Webhooks</h2>
      <div className="table-wrap">
        <table className="data-table compact" data-testid="webhooks-table">
          <thead>
            <tr>
              <th scope="col">Webhook</th>
              <th scope="col">Sheet</th>
              <th scope="col">Callback URL</th>
              <th scope="col">Status</th>
              <th scope="col">Last callback</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No webhooks registered.
                </td>
              </tr>
            )}
            {webhooks.map((webhook) => (
              <tr key={webhook.id}>
                <td>{webhook.id}</td>
                <td>{webhook.sheetId}</td>
                <td className="wrap">{webhook.callbackUrl}</td>
                <td>
                  <StatusChip status={webhook.status} />
                </td>
                <td>{formatDateTime(webhook.lastCallbackAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function BackupsCard({ backups }: { readonly backups: SettingsResponse['backups'] }) {
  return (
    <div className="card card-wide">
      <h2>Backups</h2>
      <div className="table-wrap">
        <table className="data-table compact" data-testid="backups-table">
          <thead>
            <tr>
              <th scope="col">Backup</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Finished</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {backups.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No backups yet.
                </td>
              </tr>
            )}
            {backups.map((backup) => (
              <tr key={backup.id}>
                <td>
                  <code>{backup.id}</code>
                </td>
                <td>
                  <StatusChip status={backup.status} />
                </td>
                <td>{formatDateTime(backup.startedAt)}</td>
                <td>{formatDateTime(backup.finishedAt)}</td>
                <td className="num">{formatBytes(backup.sizeBytes)}</td>
                <td className="wrap">{textOrEmpty(backup.error)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Config values arrive as JSON (secrets already read "(set)"/"(unset)"); objects print as JSON. */
function configText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function ConfigCard({ config }: { readonly config: SettingsResponse['config'] }) {
  const entries = Object.entries(config).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="card card-wide">
      <h2>Configuration</h2>
      <p className="muted">Secrets are never sent to the browser.</p>
      <div className="table-wrap">
        <table className="data-table compact" data-testid="config-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key}>
                <td>
                  <code>{key}</code>
                </td>
                <td className="wrap">{configText(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
