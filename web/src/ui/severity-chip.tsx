import type { ViolationItem } from '../api/contract-types.js';

export type Severity = ViolationItem['severity'];

/** Most severe first, as filters and charts list them. */
export const SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

/** Chart colours matching the chips in app.css. */
export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  CRITICAL: '#8f1d2c',
  HIGH: '#c2410c',
  MEDIUM: '#b7791f',
  LOW: '#2f6f9f',
  INFO: '#64748b',
};

export function SeverityChip({ severity }: { readonly severity: Severity }) {
  return <span className={`chip chip-${severity.toLowerCase()}`}>{severity}</span>;
}

export function StatusChip({ status }: { readonly status: string }) {
  return <span className={`chip chip-status chip-status-${status}`}>{status}</span>;
}
