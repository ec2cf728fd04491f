// Overview: this week's figures, the risk trend, violations by severity, the trail's state and
// the live feed.
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Overview } from '../api/contract-types.js';
import { EChart } from '../charts/echart.js';
import { LiveFeed } from '../feed/live-feed.js';
import { formatCents, formatCount, formatDateTime, formatDeltaCents } from '../ui/display-format.js';
import { TrailCard } from './trail-card.js';
import { LoadState } from '../ui/load-state.js';
import { SEVERITIES, SEVERITY_COLOURS, SeverityChip } from '../ui/severity-chip.js';
import { useApiData } from '../ui/use-api-data.js';

export function OverviewPage() {
  const { data, error, loading } = useApiData<Overview>('/api/overview');
  return (
    <section className="page" aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      {data && <OverviewContent overview={data} />}
      <LiveFeed />
    </section>
  );
}

function OverviewContent({ overview }: { readonly overview: Overview }) {
  const totalViolations = SEVERITIES.reduce(
    (sum, severity) => sum + (overview.violationsBySeverity[severity] ?? 0),
    0,
  );
  return (
    <>
      <p className="muted">Week ending {overview.weekEnding}</p>
      <div className="kpi-grid">
        <Kpi label="Billed this week" value={formatCents(overview.billedThisWeekCents)} testId="kpi-billed" />
        <Kpi label="Changes this week" value={formatCount(overview.changesThisWeek)} testId="kpi-changes" />
        <Kpi label="Violations" value={formatCount(totalViolations)} testId="kpi-violations">
          <ul className="kpi-severities">
            {SEVERITIES.map((severity) => (
              <li key={severity} data-testid={`kpi-severity-${severity.toLowerCase()}`}>
                <SeverityChip severity={severity} />{' '}
                {formatCount(overview.violationsBySeverity[severity] ?? 0)}
              </li>
            ))}
          </ul>
        </Kpi>
        <Kpi label="Net impact" value={formatDeltaCents(overview.netImpactCents)} testId="kpi-net-impact" />
        <Kpi
          label="Risk model"
          value={overview.model.coldStart ? 'cold start (rules only)' : (overview.model.modelId ?? 'unknown')}
          testId="kpi-model"
        />
        <Kpi
          label="Last run"
          value={overview.lastRun ? overview.lastRun.status : 'none yet'}
          testId="kpi-last-run"
        >
          {overview.lastRun && <span className="muted">{formatDateTime(overview.lastRun.finishedAt)}</span>}
        </Kpi>
      </div>
      <div className="chart-grid">
        <RiskTrendChart trend={overview.riskTrend} />
        <SeverityChart counts={overview.violationsBySeverity} />
      </div>
      <TrailCard trail={overview.trail} />
    </>
  );
}

function Kpi({
  label,
  value,
  testId,
  children,
}: {
  readonly label: string;
  readonly value: string;
  readonly testId: string;
  readonly children?: ReactNode;
}) {
  return (
    <div className="card kpi">
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={testId}>
        {value}
      </div>
      {children}
    </div>
  );
}

function RiskTrendChart({ trend }: { readonly trend: Overview['riskTrend'] }) {
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trend.map((point) => point.date) },
      yAxis: [
        { type: 'value', min: 0, max: 1, name: 'Risk' },
        { type: 'value', name: 'Events', minInterval: 1 },
      ],
      series: [
        { name: 'Average risk', type: 'line', smooth: true, data: trend.map((point) => point.averageRisk) },
        { name: 'Max risk', type: 'line', smooth: true, data: trend.map((point) => point.maxRisk) },
        {
          name: 'Events',
          type: 'bar',
          yAxisIndex: 1,
          itemStyle: { color: '#cbd5e1' },
          data: trend.map((point) => point.events),
        },
      ],
    }),
    [trend],
  );
  return (
    <div className="card">
      <h2>Risk trend</h2>
      {trend.length === 0 ? (
        <p className="muted">No scored changes yet.</p>
      ) : (
        <EChart option={option} label="Average and maximum risk per day" testId="chart-risk-trend" />
      )}
    </div>
  );
}

function SeverityChart({ counts }: { readonly counts: Overview['violationsBySeverity'] }) {
  const option = useMemo(
    () => ({
      grid: { left: 80, right: 24, top: 16, bottom: 32 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: [...SEVERITIES] },
      series: [
        {
          type: 'bar',
          name: 'Violations',
          data: SEVERITIES.map((severity) => ({
            value: counts[severity] ?? 0,
            itemStyle: { color: SEVERITY_COLOURS[severity] },
          })),
        },
      ],
    }),
    [counts],
  );
  return (
    <div className="card">
      <h2>Violations by severity</h2>
      <EChart option={option} label="Violations by severity" testId="chart-severity" />
    </div>
  );
}
