// A deliberately separate, simple reading of the billing rules (billing-domain.md §1.4–1.5), used
// only to check the product's reports against the emulator's data. It shares no code with src/.

const TITLES: Record<string, string[]> = {
  workRequest: ['workrequest'],
  weekEnding: ['weeklyreferenceloggeddate'],
  completed: ['unitscompleted'],
  price: ['unitstotalprice', 'totalprice', 'redlinedtotalprice'],
  cu: ['cu', 'billableunitcode'],
};

const normalise = (title: string) => title.toLowerCase().replace(/[\s?#_-]/g, '');

export interface SheetLike {
  columns: { id: number; title: string }[];
  rows: { cells: { columnId: number; value?: unknown }[] }[];
}

function cents(value: unknown): number | undefined {
  if (typeof value === 'number') return Math.round(value * 100);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const negative = /^\(.*\)$/.test(text);
  const body = text
    .replace(/^\(|\)$/g, '')
    .replace(/^\$/, '')
    .replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(body)) return undefined;
  return Math.round(Number(body) * 100) * (negative ? -1 : 1);
}

function sundayOnOrAfter(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) return undefined;
  day.setUTCDate(day.getUTCDate() + ((7 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
}

/** Expected totals per `WR|weekEnding`: { cents, lines } over every billable row of the sheets. */
export function expectedTotals(
  sheets: readonly SheetLike[],
): Map<string, { cents: number; prices: number[] }> {
  const totals = new Map<string, { cents: number; prices: number[] }>();
  for (const sheet of sheets) {
    const column = (field: string) =>
      sheet.columns.find((c) => TITLES[field]?.includes(normalise(c.title)))?.id;
    const ids = Object.fromEntries(Object.keys(TITLES).map((f) => [f, column(f)]));
    for (const row of sheet.rows) {
      const value = (field: string) => row.cells.find((c) => c.columnId === ids[field])?.value;
      const rawWr = value('workRequest');
      const wr =
        typeof rawWr === 'number'
          ? String(Math.trunc(rawWr))
          : typeof rawWr === 'string'
            ? rawWr.trim().replace(/\.0+$/, '')
            : '';
      const week =
        typeof value('weekEnding') === 'string' ? sundayOnOrAfter(value('weekEnding') as string) : undefined;
      const price = cents(value('price'));
      const cu = String(value('cu') ?? '');
      if (
        !wr ||
        !week ||
        value('completed') !== true ||
        price === undefined ||
        price <= 0 ||
        cu.toUpperCase().includes('NO MATCH')
      )
        continue;
      const key = `${wr}|${week}`;
      const entry = totals.get(key) ?? { cents: 0, prices: [] };
      entry.cents += price;
      entry.prices.push(price);
      totals.set(key, entry);
    }
  }
  return totals;
}
