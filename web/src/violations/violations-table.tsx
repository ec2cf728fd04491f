// One page of violations with sortable headers; a row opens the drill-down.
import type { KeyboardEvent, ReactNode } from 'react';
import type { ViolationItem } from '../api/contract-types.js';
import { formatDateTime, formatDeltaCents, formatScore, textOrEmpty } from '../ui/display-format.js';
import { SeverityChip, StatusChip } from '../ui/severity-chip.js';
import type { SortKey, ViolationView } from './violation-filters.js';

interface ViolationsTableProps {
  readonly items: readonly ViolationItem[];
  readonly view: ViolationView;
  readonly selectedId: string | null;
  onSort(key: SortKey): void;
  onSelect(eventId: string): void;
}

interface Column {
  readonly label: string;
  readonly sort?: SortKey;
  readonly className?: string;
  readonly cell: (item: ViolationItem) => ReactNode;
}

const COLUMNS: readonly Column[] = [
  { label: '#', sort: 'seq', className: 'num', cell: (item) => item.seq },
  { label: 'Severity', sort: 'severity', cell: (item) => <SeverityChip severity={item.severity} /> },
  { label: 'Code', cell: (item) => <code>{item.violationType}</code> },
  { label: 'Sheet', cell: (item) => textOrEmpty(item.sheetName) },
  { label: 'WR', cell: (item) => textOrEmpty(item.workRequest) },
  { label: 'Week', cell: (item) => textOrEmpty(item.weekEnding) },
  { label: 'Column', cell: (item) => textOrEmpty(item.columnName) },
  { label: 'Editor', cell: (item) => textOrEmpty(item.changedBy) },
  { label: 'Changed', sort: 'changedAt', cell: (item) => formatDateTime(item.changedAt) },
  { label: 'Δ', sort: 'deltaCents', className: 'num', cell: (item) => formatDeltaCents(item.deltaCents) },
  { label: 'Risk', sort: 'riskScore', className: 'num', cell: (item) => formatScore(item.riskScore) },
  { label: 'Status', cell: (item) => <StatusChip status={item.reviewStatus} /> },
];

export function ViolationsTable({ items, view, selectedId, onSort, onSelect }: ViolationsTableProps) {
  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, eventId: string): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(eventId);
    }
  }
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="violations-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const active = column.sort !== undefined && column.sort === view.sort;
              return (
                <th
                  key={column.label}
                  scope="col"
                  className={column.className}
                  aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {column.sort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => onSort(column.sort as SortKey)}
                      data-testid={`sort-${column.sort}`}
                    >
                      {column.label}
                      <span aria-hidden="true">{active ? (view.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="muted">
                No violations match these filters.
              </td>
            </tr>
          )}
          {items.map((item) => (
            <tr
              key={item.eventId}
              tabIndex={0}
              className={item.eventId === selectedId ? 'row-selected clickable' : 'clickable'}
              aria-selected={item.eventId === selectedId}
              onClick={() => onSelect(item.eventId)}
              onKeyDown={(event) => onRowKey(event, item.eventId)}
              data-testid="violation-row"
              data-event-id={item.eventId}
            >
              {COLUMNS.map((column) => (
                <td key={column.label} className={column.className}>
                  {column.cell(item)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
