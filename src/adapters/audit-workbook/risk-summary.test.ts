import { describe, expect, it } from 'vitest';
import { RISK_COLD_START_NOTE, riskSummary } from './summary-sheet.js';

describe('riskSummary', () => {
  it('says a run without a model is a cold start, with how many changes the rules scored', () => {
    expect(riskSummary({ riskColdStart: true, riskModelId: null, eventCount: 4 }, 0)).toBe(
      RISK_COLD_START_NOTE,
    );
    expect(riskSummary({ riskColdStart: true, riskModelId: null, eventCount: 4 }, 3)).toBe(
      'cold start (rules only): 3 of 4 changes scored by rules and editor context',
    );
  });

  it('names the model that scored the run', () => {
    expect(riskSummary({ riskColdStart: false, riskModelId: 'v2', eventCount: 5 }, 5)).toBe(
      '5 of 5 changes scored by model v2, rules and editor context',
    );
  });
});
