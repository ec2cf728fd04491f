import { describe, expect, it } from 'vitest';
import { ExcelReportRenderer } from './excel-report-renderer.js';
import { buildBranding, buildWeeklyReport } from './testing/build-weekly-report.js';
import { centsAt, loadReportSheet } from './testing/read-report-sheet.js';
import { tinyPng } from './testing/tiny-png.js';

const renderer = new ExcelReportRenderer();

async function renderSheet(...args: Parameters<ExcelReportRenderer['render']>) {
  return loadReportSheet(await renderer.render(...args));
}

describe('ExcelReportRenderer layout (billing-domain.md §2.3)', () => {
  it('prints one landscape A4 sheet with the agreed margins, footer and column widths', async () => {
    const { workbook, sheet } = await renderSheet(buildWeeklyReport(), buildBranding());

    expect(workbook.worksheets.map((each) => each.name)).toEqual(['Work Report']);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(sheet.pageSetup.margins).toMatchObject({ left: 0.25, right: 0.25, top: 0.5, bottom: 0.5 });
    expect(sheet.headerFooter.oddFooter).toBe(
      '&LFilename: WR_89708709_WeekEnding_081725.xlsx&RPage &P of &N',
    );
    const widths = 'ABCDEFGHI'.split('').map((column) => sheet.getColumn(column).width);
    expect(widths).toEqual([15, 20, 25, 45, 20, 10, 15, 15, 15]);
  });

  it('escapes an ampersand in the file name so the footer prints it literally', async () => {
    const { sheet } = await renderSheet(
      buildWeeklyReport({ fileName: 'WR_A&B_WeekEnding_081725.xlsx' }),
      buildBranding(),
    );
    expect(sheet.headerFooter.oddFooter).toBe('&LFilename: WR_A&&B_WeekEnding_081725.xlsx&RPage &P of &N');
  });

  it('merges the title, stamp, section headers and detail values', async () => {
    const { sheet } = await renderSheet(buildWeeklyReport(), buildBranding());
    const merges = sheet.model.merges;

    expect(merges).toEqual(
      expect.arrayContaining(['D2:I4', 'D5:I5', 'B7:D7', 'F7:I7', 'C8:D8', 'C9:D9', 'C10:D10']),
    );
    for (let row = 8; row <= 14; row++) expect(merges).toContain(`G${row}:I${row}`);
  });

  it('styles the title, the stamp and the red section headers', async () => {
    const { sheet } = await renderSheet(buildWeeklyReport(), buildBranding());

    const title = sheet.getCell('D2');
    expect(title.value).toBe('WEEKLY UNITS COMPLETED PER SCOPE ID');
    expect(title.font).toMatchObject({ name: 'Calibri', size: 16, bold: true, color: { argb: 'FF404040' } });
    const stamp = sheet.getCell('D5');
    expect(stamp.value).toBe('Report Generated On: 08/18/2025 02:05 PM');
    expect(stamp.font).toMatchObject({ size: 9, italic: true });
    expect(stamp.alignment).toMatchObject({ horizontal: 'right' });
    for (const [address, text] of [
      ['B7', 'REPORT SUMMARY'],
      ['F7', 'REPORT DETAILS'],
    ] as const) {
      const header = sheet.getCell(address);
      expect(header.value).toBe(text);
      expect(header.font).toMatchObject({ size: 12, bold: true, color: { argb: 'FFFFFFFF' } });
      expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC00000' } });
    }
  });

  it('summarises the total as a currency number, the line count and the billing period', async () => {
    const report = buildWeeklyReport();
    const { sheet } = await renderSheet(report, buildBranding());

    expect([sheet.getCell('B8').value, sheet.getCell('B9').value, sheet.getCell('B10').value]).toEqual([
      'Total Billed Amount:',
      'Total Line Items:',
      'Billing Period:',
    ]);
    expect(centsAt(sheet, 'C8')).toBe(report.totalCents);
    expect(sheet.getCell('C8').numFmt).toBe('"$"#,##0.00');
    expect(sheet.getCell('C9').value).toBe(6);
    expect(sheet.getCell('C10').value).toBe('08/11/2025 to 08/17/2025');
  });

  it('lists the identity details with their values merged G:I', async () => {
    const { sheet } = await renderSheet(buildWeeklyReport(), buildBranding());

    const details = [8, 9, 10, 11, 12, 13, 14].map((row) => [
      sheet.getCell(`F${row}`).value,
      sheet.getCell(`G${row}`).value,
    ]);
    expect(details).toEqual([
      ['Foreman:', 'Dana Whitfield'],
      ['Work Request #:', '89708709'],
      ['Scope ID #:', 'SC-4471'],
      ['Work Order #:', 'WO-330118'],
      ['Customer:', 'Prairie Electric Cooperative'],
      ['Job #:', 'J-2025-0815'],
      ['Dept #:', '410'],
    ]);
  });

  it('prints the company name in bold at A1 when no logo is configured', async () => {
    const { workbook, sheet } = await renderSheet(buildWeeklyReport(), buildBranding());

    expect(sheet.getCell('A1').value).toBe('Linewise Utility Contractors');
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true });
    expect(sheet.getImages()).toHaveLength(0);
    expect(workbook.model.media).toHaveLength(0);
  });

  it('embeds the logo at A1, within rows 1–3, instead of the company name', async () => {
    const logo = { data: tinyPng(40, 10), extension: 'png' as const };
    const { workbook, sheet } = await renderSheet(buildWeeklyReport(), buildBranding({ logo }));

    expect(sheet.getCell('A1').value).toBeNull();
    const [image] = sheet.getImages();
    expect(image?.range.tl).toMatchObject({ nativeCol: 0, nativeRow: 0 });
    // 40×10 px scaled into the 255×60 px box over A..B and rows 1..3 keeps its 4:1 shape.
    expect(image?.range).toMatchObject({ ext: { width: 240, height: 60 } });
    const media = workbook.model.media[0] as { extension?: string; buffer?: Uint8Array } | undefined;
    expect(media?.extension).toBe('png');
    expect(Buffer.compare(Buffer.from(media?.buffer ?? []), Buffer.from(logo.data))).toBe(0);
  });

  it('refuses a logo whose bytes are not the declared image type', async () => {
    const logo = { data: new Uint8Array([1, 2, 3, 4]), extension: 'png' as const };
    await expect(renderer.render(buildWeeklyReport(), buildBranding({ logo }))).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
