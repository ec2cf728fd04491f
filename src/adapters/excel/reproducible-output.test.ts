import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readContentHash } from './content-hash-property.js';
import { ExcelReportRenderer } from './excel-report-renderer.js';
import { buildBranding, buildWeeklyReport } from './testing/build-weekly-report.js';
import { loadReportSheet } from './testing/read-report-sheet.js';
import { tinyPng } from './testing/tiny-png.js';

const renderer = new ExcelReportRenderer();
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('reproducible workbooks (billing-domain.md §2.2)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives byte-identical bytes and a stable SHA-256 for the same report, whatever the wall clock', async () => {
    const logo = { data: tinyPng(8, 4), extension: 'png' as const };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    const first = await renderer.render(buildWeeklyReport(), buildBranding({ logo }));
    vi.setSystemTime(new Date('2037-06-30T23:59:59Z'));
    const second = await renderer.render(buildWeeklyReport(), buildBranding({ logo }));

    expect(Buffer.compare(first, second)).toBe(0);
    expect(sha256(second)).toBe(sha256(first));
  });

  it('changes the bytes when the content changes', async () => {
    const before = await renderer.render(buildWeeklyReport(), buildBranding());
    const after = await renderer.render(buildWeeklyReport({ foreman: 'Sam Ortega' }), buildBranding());
    expect(sha256(after)).not.toBe(sha256(before));
  });

  it('pins the package: fixed entry dates, content types first, the rest in name order', async () => {
    const zip = await JSZip.loadAsync(await renderer.render(buildWeeklyReport(), buildBranding()));
    const names = Object.keys(zip.files);

    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    const dates = new Set(Object.values(zip.files).map((file) => file.date.toISOString()));
    expect([...dates]).toEqual(['1980-01-01T00:00:00.000Z']);
  });

  it('pins the document properties to the report instead of the clock', async () => {
    const { workbook } = await loadReportSheet(await renderer.render(buildWeeklyReport(), buildBranding()));

    expect(workbook.creator).toBe('Ledgerline');
    expect(workbook.lastModifiedBy).toBe('Ledgerline');
    expect(workbook.created.toISOString()).toBe('2025-08-18T19:05:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2025-08-18T19:05:00.000Z');
  });
});

describe('readContentHash', () => {
  it('reads back the content hash written into the custom document properties', async () => {
    const report = buildWeeklyReport({ contentHash: 'a1b2c3' + '0'.repeat(58) });
    expect(await readContentHash(await renderer.render(report, buildBranding()))).toBe(report.contentHash);
  });

  it('registers the custom properties part so spreadsheet programs see it', async () => {
    const zip = await JSZip.loadAsync(await renderer.render(buildWeeklyReport(), buildBranding()));
    const contentTypes = await zip.file('[Content_Types].xml')?.async('string');
    const rels = await zip.file('_rels/.rels')?.async('string');

    expect(contentTypes).toContain(
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
    );
    expect(rels).toMatch(
      /<Relationship Id="rId4" Type="[^"]*\/custom-properties" Target="docProps\/custom.xml"\/>/,
    );
  });

  it('answers undefined for a workbook without the property', async () => {
    const zip = await JSZip.loadAsync(await renderer.render(buildWeeklyReport(), buildBranding()));
    zip.remove('docProps/custom.xml');
    expect(await readContentHash(await zip.generateAsync({ type: 'uint8array' }))).toBeUndefined();
  });

  it('rejects bytes that are not a workbook package with INPUT_INVALID', async () => {
    await expect(readContentHash(new TextEncoder().encode('not a zip'))).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
  });
});
