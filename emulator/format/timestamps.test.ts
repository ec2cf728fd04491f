import { describe, expect, it } from 'vitest';
import { callbackTimestamp, isoSeconds, parseTimestamp, timestampFormat } from './timestamps.js';

describe('timestamps', () => {
  const at = Date.parse('2026-09-02T17:04:23.795Z');

  it('renders REST timestamps without milliseconds', () => {
    expect(isoSeconds(at)).toBe('2026-09-02T17:04:23Z');
  });

  it('renders callback timestamps with milliseconds and +0000', () => {
    expect(callbackTimestamp(at)).toBe('2026-09-02T17:04:23.795+0000');
  });

  it('switches to epoch ms under numericDates', () => {
    expect(timestampFormat(true)(at)).toBe(at);
    expect(timestampFormat(false)(at)).toBe('2026-09-02T17:04:23Z');
  });

  it('parses ISO text and epoch digits, rejects garbage', () => {
    expect(parseTimestamp('2026-09-02T17:04:23Z')).toBe(Date.parse('2026-09-02T17:04:23Z'));
    expect(parseTimestamp(String(at))).toBe(at);
    expect(parseTimestamp('yesterday')).toBeUndefined();
  });
});
