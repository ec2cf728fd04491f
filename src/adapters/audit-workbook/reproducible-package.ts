// Repacks the .xlsx so its bytes depend only on its content: ExcelJS's zip stamps every entry
// with the wall clock. Written here rather than shared with the weekly-report adapter because
// adapters do not import each other (DESIGN.md §3); it is small enough to keep twice.
import JSZip from 'jszip';

// The DOS epoch, the earliest time a zip entry can record: plainly a placeholder.
const FIXED_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
// OOXML readers expect the content-types part first; the rest follow in name order.
const FIRST_ENTRY = '[Content_Types].xml';

/** The same package with fixed entry dates and a canonical entry order. */
export async function repackReproducibly(xlsx: Uint8Array): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(xlsx);
  const files = Object.values(source.files).filter((file) => !file.dir);
  // Code-unit order, not localeCompare: the order must not depend on the machine's locale.
  const names = files.map((file) => file.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered = names.includes(FIRST_ENTRY)
    ? [FIRST_ENTRY, ...names.filter((n) => n !== FIRST_ENTRY)]
    : names;
  const target = new JSZip();
  for (const name of ordered) {
    const file = source.file(name);
    if (!file) continue;
    target.file(name, await file.async('uint8array'), { date: FIXED_ENTRY_DATE, createFolders: false });
  }
  return target.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
