// The report's content hash travels inside the workbook as a custom document property
// (docProps/custom.xml, shown by Excel under File → Info → Properties → Custom), so publishing can
// tell which content an attachment holds from its bytes alone (billing-domain.md §2.2).
// ExcelJS 4 cannot write custom properties, so the part is added to the package here.
import { readZipEntries } from './reproducible-zip.js';

export const CONTENT_HASH_PROPERTY = 'LedgerlineContentHash';

const CUSTOM_PART = 'docProps/custom.xml';
const CONTENT_TYPES_PART = '[Content_Types].xml';
const PACKAGE_RELS_PART = '_rels/.rels';
const CUSTOM_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_RELATIONSHIP_TYPE =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
/** The format id every user-defined property carries (ECMA-376 Part 1, §22.3.2.2). */
const USER_DEFINED_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Adds docProps/custom.xml holding the content hash to a package's entries, with its content-type
 * override and its relationship from the package, as OOXML requires for the part to be seen.
 */
export function addContentHashProperty(entries: Map<string, Uint8Array>, contentHash: string): void {
  const contentTypes = textOf(entries, CONTENT_TYPES_PART);
  const rels = textOf(entries, PACKAGE_RELS_PART);
  entries.set(CUSTOM_PART, encoder.encode(customPropertiesXml(contentHash)));
  entries.set(
    CONTENT_TYPES_PART,
    encoder.encode(
      contentTypes.replace(
        '</Types>',
        `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_CONTENT_TYPE}"/></Types>`,
      ),
    ),
  );
  entries.set(
    PACKAGE_RELS_PART,
    encoder.encode(
      rels.replace(
        '</Relationships>',
        `<Relationship Id="${unusedRelationshipId(rels)}" Type="${CUSTOM_RELATIONSHIP_TYPE}" Target="${CUSTOM_PART}"/></Relationships>`,
      ),
    ),
  );
}

/**
 * The content hash written by the Excel renderer, read back from workbook bytes; undefined when
 * the workbook has no such property (a file made by hand or by an older system). Throws
 * INPUT_INVALID when the bytes are not a zip package at all.
 */
export async function readContentHash(bytes: Uint8Array): Promise<string | undefined> {
  const custom = (await readZipEntries(bytes)).get(CUSTOM_PART);
  if (!custom) return undefined;
  const xml = decoder.decode(custom);
  for (const match of xml.matchAll(/<property\b([^>]*)>([\s\S]*?)<\/property>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[1] ?? '')?.[1];
    if (name === undefined || unescapeXml(name) !== CONTENT_HASH_PROPERTY) continue;
    const value = /<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/.exec(match[2] ?? '')?.[1];
    return value === undefined ? undefined : unescapeXml(value);
  }
  return undefined;
}

function customPropertiesXml(contentHash: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    // Property ids start at 2; 0 and 1 are reserved by the property-set format.
    `<property fmtid="${USER_DEFINED_FMTID}" pid="2" name="${CONTENT_HASH_PROPERTY}">` +
    `<vt:lpwstr>${escapeXml(contentHash)}</vt:lpwstr></property></Properties>`
  );
}

function textOf(entries: ReadonlyMap<string, Uint8Array>, part: string): string {
  const bytes = entries.get(part);
  // ExcelJS always writes both parts; their absence means the package writer changed under us.
  if (!bytes) throw new Error(`The workbook package has no ${part}.`);
  return decoder.decode(bytes);
}

/** `rIdN` one past the highest id already used, so the new relationship never collides. */
function unusedRelationshipId(rels: string): string {
  const ids = [...rels.matchAll(/\bId="rId(\d+)"/g)].map((match) => Number(match[1]));
  return `rId${Math.max(0, ...ids) + 1}`;
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function unescapeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}
