// What a failed job is said to be about: the known harmless fields of each kind, nothing else.
import { describe, expect, it } from 'vitest';
import { describeJobData } from './job-queue-overview.js';

describe('describeJobData', () => {
  it('names the run, sheet, slot or retry each kind carries', () => {
    expect(describeJobData('cycle', { runId: 'run-1', reason: 'schedule' })).toBe(
      'cycle run run-1 (schedule)',
    );
    expect(
      describeJobData('sheet-sync', { runId: 'run-1', sheet: { id: 42, name: 'Crew A', location: 'W/F' } }),
    ).toBe('sync of sheet Crew A (#42) of run run-1');
    expect(describeJobData('webhook-batch', { slot: 29345678 })).toBe(
      'webhook callbacks (inbox poll 29345678)',
    );
    expect(describeJobData('alerts', { runId: 'run-2', checkpointText: 'sig' })).toBe(
      'alert digest of run run-2',
    );
    expect(describeJobData('alerts', { retry: true })).toBe('retry of failed alert deliveries');
  });

  it('leaves out every other field and shortens long values', () => {
    const text = describeJobData('sheet-sync', {
      sheet: { id: 7, name: 'x'.repeat(300) },
      token: 'tok_secret',
      deadline: '2026-01-01T00:00:00Z',
    });
    expect(text).not.toContain('tok_secret');
    expect(text).not.toContain('2026');
    expect(text.length).toBeLessThan(150);
    expect(describeJobData('cycle', {})).toBe('cycle');
    expect(describeJobData('sheet-sync', { sheet: 'not an object' })).toBe('sync of sheet unknown');
  });
});
