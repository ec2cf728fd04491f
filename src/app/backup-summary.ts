// One line per backup — status, size, duration, checksum, drill result, error — as `backup list`
// and `doctor` print it.
import type { BackupRecord } from '../ports/store.js';

/** `12.4 MB` */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '-';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export function describeBackup(b: BackupRecord): string {
  const drill = b.drillResult ? (b.drillResult.ok === true ? 'drill passed' : 'drill FAILED') : 'not drilled';
  const seconds = b.durationMs === null ? '-' : `${(b.durationMs / 1000).toFixed(1)} s`;
  const checksum = b.checksum ? `sha256 ${b.checksum.slice(0, 12)}` : '-';
  const error = b.error ? `  ${b.error.slice(0, 160)}` : '';
  return `${b.id}  ${b.status.padEnd(9)} ${formatBytes(b.sizeBytes).padStart(9)}  ${seconds.padStart(8)}  ${checksum.padEnd(19)} ${drill}${error}`;
}
