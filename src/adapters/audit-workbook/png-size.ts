// The chart renderer is behind a port, so the workbook learns each image's size from the image
// itself rather than assuming one; a chart drawn at 2× for print is then shown at its real shape.
import { AppError, ErrorCode } from '../../domain/app-error.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Pixel size of an image. */
export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Width and height from a PNG's IHDR chunk (always first, bytes 16..23, big-endian). Throws
 * AppError(INTERNAL) for bytes that are not a PNG: embedding them would give a broken workbook.
 */
export function pngSize(bytes: Uint8Array): PixelSize {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isPng = bytes.length >= 24 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
  const width = isPng ? view.getUint32(16) : 0;
  const height = isPng ? view.getUint32(20) : 0;
  if (width === 0 || height === 0) {
    throw new AppError(ErrorCode.INTERNAL, 'The chart renderer returned something that is not a PNG image.');
  }
  return { width, height };
}

/** The size that fits within `maxWidth`, proportions kept; smaller images are not enlarged. */
export function fitWidth(size: PixelSize, maxWidth: number): PixelSize {
  if (size.width <= maxWidth) return size;
  const scale = maxWidth / size.width;
  return { width: maxWidth, height: Math.max(1, Math.round(size.height * scale)) };
}
