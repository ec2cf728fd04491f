// Zip packaging that depends only on the entries: every entry carries the same fixed timestamp and
// the entries are written in one canonical order, so equal content gives byte-identical files
// (billing-domain.md §2.2: an unchanged report must not look changed).
import JSZip from 'jszip';
import { AppError, ErrorCode } from '../../domain/app-error.js';

/**
 * The DOS epoch, the earliest time a zip entry can record. Any fixed instant would do; this one
 * says plainly that the timestamp carries no meaning.
 */
const FIXED_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** OOXML readers expect the content-types part first; everything else follows in name order. */
const FIRST_ENTRY = '[Content_Types].xml';

/** The files of a zip, by path. Folder entries are dropped; OOXML does not need them. */
export async function readZipEntries(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new AppError(ErrorCode.INPUT_INVALID, 'The file is not a readable zip (xlsx) package.', {
      cause: error,
    });
  }
  const entries = new Map<string, Uint8Array>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir) entries.set(file.name, await file.async('uint8array'));
  }
  return entries;
}

/** Deflates the entries into a zip whose bytes depend on nothing but the entries. */
export async function writeReproducibleZip(entries: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const name of canonicalOrder([...entries.keys()])) {
    zip.file(name, entries.get(name) ?? new Uint8Array(), { date: FIXED_ENTRY_DATE, createFolders: false });
  }
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}

function canonicalOrder(names: string[]): string[] {
  // Code-unit order, not localeCompare: the order must not depend on the machine's locale.
  const rest = names.filter((name) => name !== FIRST_ENTRY).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.includes(FIRST_ENTRY) ? [FIRST_ENTRY, ...rest] : rest;
}
