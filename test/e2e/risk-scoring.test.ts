// Risk scoring end to end (issue #8): the acceptance figures on a labelled simulation with a seed
// different from training, and a cycle's flags, ANOMALOUS_CHANGE events and verdict learning.
import { afterEach, describe, expect, it } from 'vitest';
import { simulateEdits } from '../../emulator/simulator/simulate-edits.js';
import { defaultAuditContext } from '../../src/domain/audit/audit-context.js';
import { flagRiskyChanges } from '../../src/services/flag-risky-changes.js';
import { loadRiskModel } from '../../src/services/score-changes.js';
import { recordVerdict, precisionByRun } from '../../src/services/record-verdict.js';
import { evaluateRiskScoring } from '../support/risk-evaluation.js';
import { startCycleHarness, TEST_RISK_SETTINGS } from '../support/report-cycle-harness.js';
import type { CycleHarness } from '../support/report-cycle-harness.js';

let harness: CycleHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('risk scoring on labelled simulations', () => {
  it('meets the acceptance figures on a simulation with a seed different from training', async () => {
    const report = await evaluateRiskScoring({ trainingSeed: 100, evaluationSeed: 9_001 });

    expect(report.evaluated.unmatched).toBe(0);
    expect(report.evaluated.planted).toBeGreaterThan(30);
    expect(report.risk.rocAuc).toBeGreaterThanOrEqual(0.95);
    expect(report.risk.fprAtThatRecall).toBeLessThanOrEqual(0.05);
    expect(report.risk.recallAtFpr5).toBeGreaterThanOrEqual(0.9);
    expect(report.flags.count).toBe(50);
    expect(report.flags.precision).toBeGreaterThanOrEqual(0.8);
    // The anomaly score alone, with no rule, still ranks planted changes well above ordinary work.
    expect(report.anomaly.rocAuc).toBeGreaterThan(0.8);
  }, 120_000);

  it('runs on rules in a cold start, trains once history suffices, flags within the budget and learns from verdicts', async () => {
    const h = (harness = await startCycleHarness({ seed: 'small' }));
    const settings = {
      ...TEST_RISK_SETTINGS,
      minTrainingChanges: 100,
      budget: { maxFlags: 5, minRisk: 0.5 },
    };
    await h.run({ risk: settings });
    const simulate = (randomSeed: number, plantRate: number) =>
      simulateEdits({
        baseUrl: h.emulator.baseUrl,
        controlUrl: h.emulator.controlUrl,
        seed: h.seed,
        rounds: 2,
        editsPerRound: 50,
        randomSeed,
        plantRate,
      });

    await simulate(31, 0.05);
    const cold = await h.run({ risk: settings });
    expect(cold.audit.risk).toMatchObject({ modelId: null, coldStart: true });
    expect(cold.audit.risk?.coldStartReason).toMatch(/needs 100/);
    const coldEvents = (await h.store.audit.listEvents({ runId: cold.runId, limit: 10_000 })).events;
    expect(coldEvents.length).toBeGreaterThan(0);
    for (const event of coldEvents.filter((e) => e.violationType !== 'DUPLICATE_UNIT')) {
      expect(event.anomalyScore).toBeNull();
      expect(event.riskScore).toBeGreaterThan(0);
      expect(event.details.coldStart).toBe(true);
    }

    await simulate(32, 0.05);
    const warm = await h.run({ risk: settings });
    const trainedId = warm.audit.risk?.trainedModelId;
    expect(trainedId).toBe('v1');
    expect(warm.audit.risk).toMatchObject({ modelId: 'v1', coldStart: false });
    expect((await loadRiskModel(h.store.risk))?.id).toBe('v1');

    await simulate(33, 0.3);
    const scored = await h.run({ risk: settings });
    const flags = (
      await h.store.risk.listChanges({ runId: scored.runId, flaggedOnly: true, limit: 100 })
    ).sort((a, b) => (a.flagRank ?? 0) - (b.flagRank ?? 0));
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.length).toBeLessThanOrEqual(5);
    expect(scored.audit.risk?.flags).toBe(flags.length);
    for (const flag of flags) expect(flag.riskScore).toBeGreaterThanOrEqual(0.5);
    // Every scored event explains itself: contributions, top features, category and reasons.
    const events = (await h.store.audit.listEvents({ runId: scored.runId, limit: 10_000 })).events;
    const explained = events.filter((e) => e.violationType !== 'DUPLICATE_UNIT');
    expect(explained.length).toBeGreaterThan(0);
    for (const event of explained) {
      const risk = event.details.risk as Record<string, unknown>;
      expect(event.riskScore).toBe(risk['score']);
      expect(event.anomalyScore).toBeGreaterThan(0);
      expect(event.predictedCategory).toBe(risk['category']);
      expect(risk['modelId']).toBe('v1');
      expect(Array.isArray(risk['categoryReasons'])).toBe(true);
    }
    // Flags no rule fired on became ANOMALOUS_CHANGE events on the trail.
    const anomalyOnly = flags.filter((f) => f.observation.rules.length === 0);
    expect(events.filter((e) => e.violationType === 'ANOMALOUS_CHANGE')).toHaveLength(anomalyOnly.length);

    // Verdicts: the top flag dismissed (twice: the later decision stands) lowers the weight of every
    // flag of its kind when the run is ranked again; other kinds keep theirs.
    const top = flags[0]!;
    for (const [day, verdict] of [
      ['2026-01-01', 'confirmed'],
      ['2026-01-02', 'false_alarm'],
    ] as const) {
      await recordVerdict(
        { risk: h.store.risk },
        {
          changeId: top.observation.changeId,
          verdict,
          reviewer: 'auditor@example.com',
          comment: null,
          now: new Date(`${day}T10:00:00Z`),
        },
      );
    }
    const precision = await precisionByRun({ risk: h.store.risk });
    expect(precision.find((r) => r.runId === scored.runId)).toMatchObject({
      flags: flags.length,
      falseAlarms: 1,
      confirmed: 0,
      precision: 0,
    });
    const again = await flagRiskyChanges({ risk: h.store.risk, audit: h.store.audit }, scored.runId, {
      budget: { maxFlags: 1000, minRisk: 0.5 },
      context: defaultAuditContext({ now: new Date(), runId: scored.runId }),
      weights: settings.weights,
    });
    const signatures = new Map(
      (await h.store.risk.listChanges({ runId: scored.runId, limit: 10_000 })).map((c) => [
        c.observation.changeId,
        c.signature,
      ]),
    );
    expect(again.flags.length).toBeGreaterThan(0);
    for (const flag of again.flags) {
      expect(flag.verdictFactor).toBeCloseTo(signatures.get(flag.changeId) === top.signature ? 2 / 3 : 1, 3);
    }
    // Changes flagged before already have their event; only newly flagged ones get one.
    const before = new Set(flags.map((f) => `${f.observation.sheetId}:${f.observation.rowId}`));
    for (const event of again.events) {
      expect(event.violationType).toBe('ANOMALOUS_CHANGE');
      expect(before.has(`${event.sheetId}:${event.rowId}`)).toBe(false);
    }
    await expect(
      recordVerdict(
        { risk: h.store.risk },
        {
          changeId: 'no-such-change',
          verdict: 'confirmed',
          reviewer: 'a@example.com',
          comment: null,
          now: new Date(),
        },
      ),
    ).rejects.toThrow(/No scored change/);
  }, 120_000);
});
