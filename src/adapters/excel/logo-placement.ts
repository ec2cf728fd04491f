// Where the company logo goes: at A1, scaled to fit the box over columns A..B and rows 1..3 while
// keeping its proportions (a logo stretched to a cell box looks broken on paper).
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { ReportBranding } from '../../ports/report-writer.js';
import { COLUMN_WIDTHS, LOGO_BOX_COLUMNS, LOGO_BOX_ROWS } from './workbook-layout.js';

/** ExcelJS image anchor: top-left cell (zero-based) and size in pixels. */
export interface LogoPlacement {
  tl: { col: number; row: number };
  ext: { width: number; height: number };
}

interface PixelSize {
  width: number;
  height: number;
}

// Excel's default row is 15 pt = 20 px; a column of w characters is about 7w + 5 px in Calibri 11.
const ROW_HEIGHT_PX = 20;
const columnPixels = (widthInCharacters: number): number => Math.floor(widthInCharacters * 7 + 5);

export function logoPlacement(logo: NonNullable<ReportBranding['logo']>): LogoPlacement {
  const size = logo.extension === 'png' ? pngSize(logo.data) : jpegSize(logo.data);
  if (!size) {
    throw new AppError(
      ErrorCode.CONFIG_INVALID,
      `The report logo is not a readable ${logo.extension.toUpperCase()} image.`,
      {
        hint: 'Configure a PNG or JPEG file for the report logo, or none to print the company name.',
      },
    );
  }
  const boxWidth = LOGO_BOX_COLUMNS.reduce(
    (sum, column) => sum + columnPixels(COLUMN_WIDTHS[column] ?? 0),
    0,
  );
  const boxHeight = LOGO_BOX_ROWS * ROW_HEIGHT_PX;
  const scale = Math.min(boxWidth / size.width, boxHeight / size.height);
  return {
    tl: { col: 0, row: 0 },
    ext: {
      width: Math.max(1, Math.round(size.width * scale)),
      height: Math.max(1, Math.round(size.height * scale)),
    },
  };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: the IHDR chunk always comes first, width and height at bytes 16..23 (big-endian). */
function pngSize(data: Uint8Array): PixelSize | undefined {
  if (data.length < 24 || PNG_SIGNATURE.some((byte, index) => data[index] !== byte)) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return positive({ width: view.getUint32(16), height: view.getUint32(20) });
}

/** JPEG: walk the marker segments to the first start-of-frame, which holds height then width. */
function jpegSize(data: Uint8Array): PixelSize | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 2;
  while (offset + 9 <= data.length) {
    if (data[offset] !== 0xff) return undefined;
    const marker = data[offset + 1] ?? 0;
    // A marker may be preceded by any number of 0xFF fill bytes.
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return positive({ height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) });
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}

function positive(size: PixelSize): PixelSize | undefined {
  return size.width > 0 && size.height > 0 ? size : undefined;
}
