import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExcelReportRenderer } from './excel-report-renderer.js';
import {
  buildBranding,
  buildDayBlock,
  buildReportLine,
  buildWeeklyReport,
} from './testing/build-weekly-report.js';
import { centsAt, loadReportSheet, readBlocks } from './testing/read-report-sheet.js';

const renderer = new ExcelReportRenderer();

async function renderSheet(report = buildWeeklyReport()) {
  return (await loadReportSheet(await renderer.render(report, buildBranding()))).sheet;
}

describe('ExcelReportRenderer day blocks (billing-domain.md §2.3)', () => {
  it('prints one block per day in the given order, starting below the details box', async () => {
    const { blocks } = readBlocks(await renderSheet());

    expect(blocks.map((block) => block.label)).toEqual([
      'Monday (08/11/2025)',
      'Wednesday (08/13/2025)',
      'Other dates',
    ]);
    expect(blocks[0]?.headerRow).toBe(16);
    // Two blank rows separate a TOTAL row from the next block's header.
    expect(blocks[1]?.headerRow).toBe((blocks[0]?.totalRow ?? 0) + 3);
  });

  it('styles each day header merged across A:H and the wrapped column headers in red', async () => {
    const sheet = await renderSheet();
    const [first] = readBlocks(sheet).blocks;
    const headerRow = first?.headerRow ?? 0;

    expect(sheet.model.merges).toContain(`A${headerRow}:H${headerRow}`);
    expect(sheet.getCell(`A${headerRow}`).font).toMatchObject({
      size: 14,
      bold: true,
      color: { argb: 'FFFFFFFF' },
    });
    expect(sheet.getCell(`A${headerRow}`).fill).toMatchObject({ fgColor: { argb: 'FFC00000' } });
    expect(first?.columnHeaders).toEqual([
      'Point Number',
      'Billable Unit Code',
      'Work Type',
      'Unit Description',
      'Unit of Measure',
      '# Units',
      'Scope #',
      'Pricing',
    ]);
    const columnHeader = sheet.getCell(`D${headerRow + 1}`);
    expect(columnHeader.font).toMatchObject({ size: 11, bold: true, color: { argb: 'FFFFFFFF' } });
    expect(columnHeader.fill).toMatchObject({ fgColor: { argb: 'FFC00000' } });
    expect(columnHeader.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
  });

  it('prints every line item with its quantity decimals and its price as a currency number', async () => {
    const report = buildWeeklyReport();
    const { blocks } = readBlocks(await renderSheet(report));

    const printed = blocks.map((block) =>
      block.lines.map((line) => [...line.values.slice(0, 7), line.priceCents]),
    );
    const expected = report.blocks.map((block) =>
      block.lines.map((line) => [
        line.pointNumber,
        line.cu,
        line.workType,
        line.description,
        line.uom,
        line.quantity ?? null,
        line.scope,
        line.priceCents,
      ]),
    );
    expect(printed).toEqual(expected);
    expect(printed[1]?.[0]?.[5]).toBe(1.5);
  });

  it('prints a quantity that could not be read as the text that was typed', async () => {
    const report = buildWeeklyReport({
      blocks: [buildDayBlock('Friday (08/15/2025)', [buildReportLine({ quantity: 'TBD' })])],
    });
    const [block] = readBlocks(await renderSheet(report)).blocks;

    expect(block?.lines[0]?.values[5]).toBe('TBD');
  });

  it('shades alternate line rows and formats prices as currency', async () => {
    const sheet = await renderSheet();
    const [first] = readBlocks(sheet).blocks;
    const [plain, shaded] = first?.lines ?? [];

    expect(sheet.getCell(`A${plain?.row}`).fill).toBeUndefined();
    expect(sheet.getCell(`A${shaded?.row}`).fill).toMatchObject({
      pattern: 'solid',
      fgColor: { argb: 'FFF2F2F2' },
    });
    expect(sheet.getCell(`H${plain?.row}`).numFmt).toBe('"$"#,##0.00');
  });

  it('closes each block with a right-aligned TOTAL merged A:G that equals the sum of its lines', async () => {
    const sheet = await renderSheet();
    const { blocks } = readBlocks(sheet);

    for (const block of blocks) {
      expect(block.totalLabel).toBe('TOTAL');
      expect(sheet.model.merges).toContain(`A${block.totalRow}:G${block.totalRow}`);
      expect(sheet.getCell(`A${block.totalRow}`).alignment).toMatchObject({ horizontal: 'right' });
      expect(block.totalCents).toBe(block.lines.reduce((sum, line) => sum + line.priceCents, 0));
    }
  });

  it('closes the sheet with a WEEK TOTAL equal to the block totals, the summary and the report total', async () => {
    const report = buildWeeklyReport();
    const sheet = await renderSheet(report);
    const { blocks, weekTotalRow, weekTotalCents } = readBlocks(sheet);

    expect(weekTotalCents).toBe(blocks.reduce((sum, block) => sum + block.totalCents, 0));
    expect(weekTotalCents).toBe(report.totalCents);
    expect(centsAt(sheet, 'C8')).toBe(report.totalCents);
    expect(sheet.rowCount).toBe(weekTotalRow);
  });

  it('keeps every total exact in cents for any prices (DESIGN.md invariant 5)', async () => {
    const price = fc.integer({ min: 1, max: 50_000_000 });
    const lines = fc.array(
      price.map((priceCents) => buildReportLine({ priceCents })),
      { minLength: 1, maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(lines, { minLength: 0, maxLength: 4 }), async (blockLines) => {
        const report = buildWeeklyReport({
          blocks: blockLines.map((each, index) => buildDayBlock(`Day ${index + 1}`, each)),
        });
        const sheet = await renderSheet(report);
        const { blocks, weekTotalCents } = readBlocks(sheet);

        expect(blocks.map((block) => block.totalCents)).toEqual(
          report.blocks.map((block) => block.totalCents),
        );
        expect(weekTotalCents).toBe(report.totalCents);
        expect(centsAt(sheet, 'C8')).toBe(report.totalCents);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses a report whose totals contradict its lines instead of printing a wrong sum', async () => {
    const report = buildWeeklyReport({ totalCents: 1 });
    await expect(renderer.render(report, buildBranding())).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});
