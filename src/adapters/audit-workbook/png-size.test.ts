import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.js';
import { fitWidth, pngSize } from './png-size.js';

function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

describe('pngSize', () => {
  it('reads width and height from the IHDR chunk', () => {
    expect(pngSize(pngHeader(1800, 960))).toEqual({ width: 1800, height: 960 });
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => pngSize(new TextEncoder().encode('<svg></svg> and then some more bytes'))).toThrow(AppError);
  });
});

describe('fitWidth', () => {
  it.each([
    [
      { width: 1800, height: 960 },
      { width: 900, height: 480 },
    ],
    [
      { width: 600, height: 300 },
      { width: 600, height: 300 },
    ],
  ])('fits %j into 900 px as %j', (size, fitted) => {
    expect(fitWidth(size, 900)).toEqual(fitted);
  });
});
