// Editors: who changes billing data, how much money their changes moved, and at what hours.
import { useMemo } from 'react';
import type { EditorsResponse } from '../api/contract-types.js';
import { EChart } from '../charts/echart.js';
import {
  formatCents,
  formatCount,
  formatDateTime,
  formatDeltaCents,
  formatScore,
} from '../ui/display-format.js';
import { LoadState } from '../ui/load-state.js';
import { useApiData } from '../ui/use-api-data.js';

const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));
const CHART_EDITORS = 15;

export function EditorsPage() {
  const { data, error, loading } = useApiData<EditorsResponse>('/api/editors');
  return (
    <section className="page" aria-labelledby="editors-title">
      <h1 id="editors-title">Editors</h1>
      <LoadState loading={loading} error={error} hasData={data !== undefined} />
      {data && <EditorsContent reply={data} />}
    </section>
  );
}

function EditorsContent({ reply }: { readonly reply: EditorsResponse }) {
  const editors = reply.editors;
  const ranked = useMemo(
    () =>
      [...editors]
        .sort((a, b) => Math.abs(b.netImpactCents) - Math.abs(a.netImpactCents))
        .slice(0, CHART_EDITORS),
    [editors],
  );

  const impactOption = useMemo(
    () => ({
      grid: { left: 180, right: 32, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatCents(value) } },
      yAxis: { type: 'category', inverse: true, data: ranked.map((editor) => editor.editor) },
      series: [
        {
          name: 'Net impact',
          type: 'bar',
          data: ranked.map((editor) => ({
            value: editor.netImpactCents,
            itemStyle: { color: editor.netImpactCents < 0 ? '#b91c1c' : '#2f6f9f' },
          })),
        },
      ],
    }),
    [ranked],
  );

  const heatmapOption = useMemo(() => {
    // The busiest editors, one heatmap row each, by local hour of day.
    const busiest = [...editors].sort((a, b) => b.changes - a.changes).slice(0, CHART_EDITORS);
    const cells = busiest.flatMap((editor, row) =>
      editor.byHour.map((changes, hour) => [hour, row, changes] as [number, number, number]),
    );
    const max = cells.reduce((highest, cell) => Math.max(highest, cell[2]), 1);
    return {
      grid: { left: 180, right: 32, top: 16, bottom: 72 },
      tooltip: { position: 'top' },
      xAxis: { type: 'category', data: HOURS, name: 'Hour', splitArea: { show: true } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: busiest.map((editor) => editor.editor),
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f1f5f9', '#2f6f9f', '#8f1d2c'] },
      },
      series: [{ name: 'Changes', type: 'heatmap', data: cells }],
    };
  }, [editors]);

  return (
    <>
      <p className="muted">
        Changes from {formatDateTime(reply.from)} to {formatDateTime(reply.to)}
      </p>
      <div className="chart-grid">
        <div className="card">
          <h2>Net impact by editor</h2>
          <EChart
            option={impactOption}
            label="Net financial impact of each editor's changes"
            className="chart chart-tall"
            testId="chart-editor-impact"
          />
        </div>
        <div className="card">
          <h2>Changes by hour of day</h2>
          <EChart
            option={heatmapOption}
            label="Heatmap of changes per editor and hour of day"
            className="chart chart-tall"
            testId="chart-editor-hours"
          />
        </div>
      </div>
      <div className="table-wrap">
        <table className="data-table" data-testid="editors-table">
          <thead>
            <tr>
              <th scope="col">Editor</th>
              <th scope="col" className="num">
                Changes
              </th>
              <th scope="col" className="num">
                Violations
              </th>
              <th scope="col" className="num">
                Net impact
              </th>
              <th scope="col" className="num">
                Absolute impact
              </th>
              <th scope="col" className="num">
                Average risk
              </th>
              <th scope="col" className="num">
                Max risk
              </th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {editors.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  No changes recorded yet.
                </td>
              </tr>
            )}
            {editors.map((editor) => (
              <tr key={editor.editor} data-testid="editor-row">
                <td>{editor.editor}</td>
                <td className="num">{formatCount(editor.changes)}</td>
                <td className="num">{formatCount(editor.violations)}</td>
                <td className="num">{formatDeltaCents(editor.netImpactCents)}</td>
                <td className="num">{formatCents(editor.absoluteImpactCents)}</td>
                <td className="num">{formatScore(editor.averageRisk)}</td>
                <td className="num">{formatScore(editor.maxRisk)}</td>
                <td>{formatDateTime(editor.lastChangeAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
