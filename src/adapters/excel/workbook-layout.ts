// Where everything sits on the "Work Report" sheet and how it looks (billing-domain.md §2.3).
// The section writers and the tests share these constants, so a layout change is made once.
import type { Alignment, Fill, Font } from 'exceljs';
import type { WeeklyReport } from '../../ports/report-writer.js';

export const SHEET_NAME = 'Work Report';

/** Column letters and widths A..I, in characters. */
export const COLUMN_WIDTHS: Readonly<Record<string, number>> = {
  A: 15,
  B: 20,
  C: 25,
  D: 45,
  E: 20,
  F: 10,
  G: 15,
  H: 15,
  I: 15,
};

/** Inches; `footer` is where the footer text sits inside the 0.5" bottom margin. */
export const PAGE_MARGINS = { left: 0.25, right: 0.25, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
/** ExcelJS/OOXML paper size code for A4. */
export const PAPER_SIZE_A4 = 9;

const BRAND_RED = 'FFC00000';
const WHITE = 'FFFFFFFF';
const ZEBRA_GREY = 'FFF2F2F2';
const TITLE_GREY = 'FF404040';

/** Excel's currency format; money cells stay numbers so sums in Excel keep working. */
export const CURRENCY_FORMAT = '"$"#,##0.00';

// Top of the sheet.
export const TITLE_RANGE = 'D2:I4';
export const TITLE_TEXT = 'WEEKLY UNITS COMPLETED PER SCOPE ID';
export const GENERATED_ON_RANGE = 'D5:I5';
/** The logo box: columns A..B, rows 1..3 (the title starts at D, so A..C are free up there). */
export const LOGO_BOX_COLUMNS = ['A', 'B'] as const;
export const LOGO_BOX_ROWS = 3;

// Summary (left) and details (right) boxes share their header row, 7.
export const SUMMARY_HEADER_RANGE = 'B7:D7';
export const DETAILS_HEADER_RANGE = 'F7:I7';
/**
 * Summary values sit in C, merged C:D so long text (the billing period) stays inside the box:
 * C8 total billed amount (number, currency format), C9 line count (number), C10 billing period
 * (text). Labels are in B8..B10.
 */
export const SUMMARY_ROWS = { totalBilled: 8, lineCount: 9, billingPeriod: 10 } as const;
/** Detail labels in F8.., each value merged G:I on the same row, in this order. */
export const DETAILS_FIRST_ROW = 8;
type DetailField = keyof Pick<
  WeeklyReport,
  'foreman' | 'workRequest' | 'scopeId' | 'workOrder' | 'customer' | 'job' | 'dept'
>;
export const DETAIL_FIELDS: readonly (readonly [label: string, field: DetailField])[] = [
  ['Foreman:', 'foreman'],
  ['Work Request #:', 'workRequest'],
  ['Scope ID #:', 'scopeId'],
  ['Work Order #:', 'workOrder'],
  ['Customer:', 'customer'],
  ['Job #:', 'job'],
  ['Dept #:', 'dept'],
];

/**
 * billing-domain.md §2.3 says blocks start "from row 14", but its seven detail rows F8..F14
 * already use row 14 (and a merged A:H day header there would overlap G14:I14). The blocks
 * therefore start after the details plus one blank row: row 16.
 */
export const FIRST_BLOCK_ROW = DETAILS_FIRST_ROW + DETAIL_FIELDS.length + 1;
/** Blank rows between one block's TOTAL row and the next block (and before WEEK TOTAL). */
export const ROWS_BETWEEN_BLOCKS = 2;

/** Day blocks span A..H: line fields in A..G, the price and every total in H. */
export const BLOCK_FIRST_COLUMN = 'A';
export const BLOCK_LAST_COLUMN = 'H';
export const PRICE_COLUMN = 'H';
/** TOTAL and WEEK TOTAL labels are merged across the columns left of the price. */
export const TOTAL_LABEL_LAST_COLUMN = 'G';

function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export const STYLE = {
  companyName: { font: { bold: true, size: 14 } satisfies Partial<Font> },
  title: {
    font: { name: 'Calibri', size: 16, bold: true, color: { argb: TITLE_GREY } } satisfies Partial<Font>,
    alignment: { horizontal: 'center', vertical: 'middle' } satisfies Partial<Alignment>,
  },
  generatedOn: {
    font: { size: 9, italic: true } satisfies Partial<Font>,
    alignment: { horizontal: 'right' } satisfies Partial<Alignment>,
  },
  sectionHeader: {
    font: { size: 12, bold: true, color: { argb: WHITE } } satisfies Partial<Font>,
    fill: solidFill(BRAND_RED),
    alignment: { horizontal: 'center', vertical: 'middle' } satisfies Partial<Alignment>,
  },
  label: { font: { bold: true } satisfies Partial<Font> },
  value: { alignment: { horizontal: 'left' } satisfies Partial<Alignment> },
  dayHeader: {
    font: { size: 14, bold: true, color: { argb: WHITE } } satisfies Partial<Font>,
    fill: solidFill(BRAND_RED),
    alignment: { horizontal: 'left', vertical: 'middle' } satisfies Partial<Alignment>,
  },
  columnHeader: {
    font: { size: 11, bold: true, color: { argb: WHITE } } satisfies Partial<Font>,
    fill: solidFill(BRAND_RED),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } satisfies Partial<Alignment>,
  },
  zebra: { fill: solidFill(ZEBRA_GREY) },
  total: {
    font: { bold: true } satisfies Partial<Font>,
    alignment: { horizontal: 'right' } satisfies Partial<Alignment>,
  },
  weekTotal: {
    font: { size: 12, bold: true, color: { argb: WHITE } } satisfies Partial<Font>,
    fill: solidFill(BRAND_RED),
    alignment: { horizontal: 'right' } satisfies Partial<Alignment>,
  },
} as const;
