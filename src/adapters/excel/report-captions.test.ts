import { describe, expect, it } from 'vitest';
import { billingPeriodText, footerText, generatedOnText } from './report-captions.js';

describe('generatedOnText', () => {
  it.each([
    ['2025-08-18T19:05:00Z', 'America/Chicago', '08/18/2025 02:05 PM'],
    // Winter: Chicago is UTC-6, and 05:30 UTC is still the previous evening there.
    ['2025-01-02T05:30:00Z', 'America/Chicago', '01/01/2025 11:30 PM'],
    ['2025-08-18T05:07:00Z', 'America/Chicago', '08/18/2025 12:07 AM'],
    ['2025-08-18T17:00:00Z', 'America/Chicago', '08/18/2025 12:00 PM'],
    ['2025-08-18T17:00:00Z', 'UTC', '08/18/2025 05:00 PM'],
  ])('prints %s in %s as %s', (instant, zone, expected) => {
    expect(generatedOnText(instant, zone)).toBe(`Report Generated On: ${expected}`);
  });

  it('refuses an unreadable generatedAt with INPUT_INVALID', () => {
    expect(() => generatedOnText('yesterday', 'UTC')).toThrow(
      expect.objectContaining({ code: 'INPUT_INVALID' }),
    );
  });
});

describe('billingPeriodText and footerText', () => {
  it('prints the billing period as MM/DD/YYYY to MM/DD/YYYY', () => {
    expect(billingPeriodText('2025-12-29', '2026-01-04')).toBe('12/29/2025 to 01/04/2026');
  });

  it('puts the file name left and the page numbers right of the footer', () => {
    expect(footerText('WR_1_WeekEnding_081725.xlsx')).toBe(
      '&LFilename: WR_1_WeekEnding_081725.xlsx&RPage &P of &N',
    );
  });
});
