// The Violations filter bar: edits a draft, applied (page 1) with the Apply button or Enter.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { SEVERITIES } from '../ui/severity-chip.js';
import { EMPTY_FILTERS } from './violation-filters.js';
import type { ReviewStatus, ViolationFilters } from './violation-filters.js';

/** The rule codes (billing-domain.md §3.3, src/domain/audit/audit-finding.ts), offered as suggestions. */
const RULE_CODES = [
  'POST_CLOSE_EDIT',
  'AUTHORIZED_CORRECTION',
  'BILLED_ROW_DELETED',
  'UNCOMPLETED_AFTER_CLOSE',
  'WEEK_MOVED',
  'PRICE_RATE_MISMATCH',
  'PRICE_OVERRIDE',
  'DUPLICATE_UNIT',
  'UNAUTHORIZED_EDITOR',
  'DATA_QUALITY',
  'ANOMALOUS_CHANGE',
];

interface FilterBarProps {
  readonly filters: ViolationFilters;
  onApply(filters: ViolationFilters): void;
}

export function FilterBar({ filters, onApply }: FilterBarProps) {
  const [draft, setDraft] = useState(filters);
  // The page rebuilds `filters` from the URL on every render (a table reload, a live update): only
  // a real change of the applied filters may replace the draft, or half-typed filters vanish.
  const applied = JSON.stringify(filters);
  const [shown, setShown] = useState(applied);
  if (applied !== shown) {
    setShown(applied);
    setDraft(filters);
  }

  function set<K extends keyof ViolationFilters>(key: K, value: ViolationFilters[K]): void {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    onApply(draft);
  }

  const textField = (
    key: 'code' | 'editor' | 'workRequest' | 'sheet',
    label: string,
    testId: string,
    hint?: string,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        value={draft[key]}
        placeholder={hint}
        list={key === 'code' ? 'rule-codes' : undefined}
        onChange={(event) => set(key, event.target.value)}
        data-testid={testId}
      />
    </label>
  );
  const dateField = (key: 'week' | 'from' | 'to', label: string, testId: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="date"
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
        data-testid={testId}
      />
    </label>
  );

  return (
    <form className="filter-bar card" onSubmit={submit} aria-label="Filter violations">
      <label className="field">
        <span>Severity</span>
        <select
          multiple
          size={5}
          value={[...draft.severity]}
          onChange={(event) =>
            set(
              'severity',
              Array.from(event.target.selectedOptions, (option) => option.value),
            )
          }
          data-testid="filter-severity"
        >
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </label>
      <div className="filter-fields">
        {textField('code', 'Code', 'filter-code', 'e.g. POST_CLOSE_EDIT')}
        <datalist id="rule-codes">
          {RULE_CODES.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        {textField('editor', 'Editor', 'filter-editor', 'e-mail')}
        {textField('workRequest', 'Work Request', 'filter-work-request')}
        {textField('sheet', 'Sheet id', 'filter-sheet')}
        {dateField('week', 'Week ending', 'filter-week')}
        {dateField('from', 'Changed from', 'filter-from')}
        {dateField('to', 'Changed to', 'filter-to')}
        <label className="field">
          <span>Status</span>
          <select
            value={draft.status}
            onChange={(event) => set('status', event.target.value as ReviewStatus | '')}
            data-testid="filter-status"
          >
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="resolved">Resolved</option>
          </select>
        </label>
      </div>
      <div className="filter-actions">
        <button type="submit" className="button button-primary" data-testid="filter-apply">
          Apply
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
          data-testid="filter-reset"
        >
          Reset
        </button>
      </div>
    </form>
  );
}
