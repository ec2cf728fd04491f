import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/seeded-random.js';
import { FaultInjector, validateFaultRules } from './fault-injector.js';

const route = 'GET /sheets/{sheetId}';

describe('FaultInjector', () => {
  it('fails exactly the next N matching requests', () => {
    const faults = new FaultInjector(new SeededRandom(1));
    faults.setRules([{ route, kind: 'error-4004', count: 2 }]);
    expect(faults.decide('GET /sheets', 'GET').failure).toBeUndefined();
    expect(faults.decide(route, 'GET').failure).toBe('error-4004');
    expect(faults.decide(route, 'GET').failure).toBe('error-4004');
    expect(faults.decide(route, 'GET').failure).toBeUndefined();
  });

  it('applies a rate roughly and deterministically for a seed', () => {
    const faults = new FaultInjector(new SeededRandom(7));
    faults.setRules([{ route: '*', kind: 'error-4000', rate: 0.25 }]);
    let failures = 0;
    for (let i = 0; i < 2_000; i += 1) if (faults.decide(route, 'GET').failure) failures += 1;
    expect(failures / 2_000).toBeGreaterThan(0.2);
    expect(failures / 2_000).toBeLessThan(0.3);
  });

  it('stacks latency with jitter within bounds and filters by method', () => {
    const faults = new FaultInjector(new SeededRandom(3));
    faults.setRules([
      { route: '*', kind: 'latency', latencyMs: 100, jitterMs: 50 },
      { route: '*', method: 'PUT', kind: 'latency', latencyMs: 1000 },
    ]);
    const { latencyMs } = faults.decide(route, 'GET');
    expect(latencyMs).toBeGreaterThanOrEqual(100);
    expect(latencyMs).toBeLessThan(150);
  });

  it('validates rules from the control plane', () => {
    expect(validateFaultRules([{ route: '*', kind: 'boom' }])).toMatch(/kind/);
    expect(validateFaultRules([{ route: '*', kind: 'reset', rate: 2 }])).toMatch(/rate/);
    expect(validateFaultRules([{ route: '*', kind: 'reset', method: 'get' }])).toEqual([
      { route: '*', kind: 'reset', method: 'GET' },
    ]);
  });
});
