// How chart values read on axes, labels and legends. The locale is fixed so a chart renders the
// same on every server, whatever its LANG.
import type { ChartValueFormat } from '../../ports/chart-renderer.js';

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
// Past $10k the full figure crowds an axis; "$12.3K" keeps the magnitude readable.
const USD_COMPACT = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const USD_CENTS = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
});
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const SCORE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A value as a chart prints it: `$1,234`, `$12.3K`, `$0.50`, `1,204`, `0.73`. */
export function formatChartValue(value: number, format: ChartValueFormat): string {
  switch (format) {
    case 'usd': {
      const magnitude = Math.abs(value);
      if (magnitude >= 10_000) return USD_COMPACT.format(value);
      // Small amounts keep their cents: "$0" for a 40-cent change would read as nothing.
      return magnitude < 100 && !Number.isInteger(value) ? USD_CENTS.format(value) : USD.format(value);
    }
    case 'count':
      return COUNT.format(value);
    case 'score':
      return SCORE.format(value);
  }
}
