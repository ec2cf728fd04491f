// The risk explanation of an event (details.risk, written by src/domain/risk/assess-change.ts):
// the score, what the rules, the anomaly model and the editor's history each contributed, the
// features that stood out, and the predicted category with its reasons. Read defensively: the
// shape is JSON from the trail, and older events may lack parts of it.
import { formatScore } from '../ui/display-format.js';

interface Feature {
  readonly label: string;
  readonly value: number | null;
  readonly typical: number | null;
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function features(value: unknown): Feature[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    const label = typeof record.label === 'string' ? record.label : String(record.feature ?? '');
    return [{ label, value: numberOr(record.value), typical: numberOr(record.typical) }];
  });
}

function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

export function RiskExplanation({
  risk,
  coldStartFallback,
}: {
  readonly risk: Record<string, unknown> | null;
  readonly coldStartFallback: boolean;
}) {
  if (risk === null) return <p className="muted">This event was not scored.</p>;
  const contributions = (
    typeof risk.contributions === 'object' && risk.contributions !== null ? risk.contributions : {}
  ) as Record<string, unknown>;
  const coldStart = typeof risk.coldStart === 'boolean' ? risk.coldStart : coldStartFallback;
  const top = features(risk.topFeatures);
  const categoryReasons = strings(risk.categoryReasons);
  return (
    <div className="risk-explanation" data-testid="risk-explanation">
      <dl className="facts">
        <dt>Risk score</dt>
        <dd data-testid="risk-score">{formatScore(numberOr(risk.score))}</dd>
        <dt>From the rules</dt>
        <dd>{formatScore(numberOr(contributions.rules))}</dd>
        <dt>From the anomaly model</dt>
        <dd>
          {coldStart ? 'cold start (rules only)' : formatScore(numberOr(contributions.anomaly))}
          {!coldStart && numberOr(risk.anomalyPercentile) !== null && (
            <span className="muted"> · percentile {formatScore(numberOr(risk.anomalyPercentile))}</span>
          )}
        </dd>
        <dt>From the editor's history</dt>
        <dd>{formatScore(numberOr(contributions.editor))}</dd>
        <dt>Predicted category</dt>
        <dd>{typeof risk.category === 'string' ? risk.category : '—'}</dd>
        <dt>Model</dt>
        <dd>{coldStart ? 'none (cold start)' : typeof risk.modelId === 'string' ? risk.modelId : '—'}</dd>
      </dl>
      {categoryReasons.length > 0 && (
        <>
          <h4>Why this category</h4>
          <ul>
            {categoryReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
      {top.length > 0 && (
        <>
          <h4>Features that stood out</h4>
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col" className="num">
                  This change
                </th>
                <th scope="col" className="num">
                  Typical
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((feature) => (
                <tr key={feature.label}>
                  <td>{feature.label}</td>
                  <td className="num">{formatNumber(feature.value)}</td>
                  <td className="num">{formatNumber(feature.typical)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
