// An auditor's verdict on a scored change (issue #8): stored append-only with who decided and why;
// later flag rankings learn from it (see flag-ranking verdictFactors).
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { Verdict } from '../domain/risk/flag-ranking.js';
import type { RiskStore, VerdictEntry } from '../ports/risk-store.js';

export async function recordVerdict(
  deps: { risk: RiskStore },
  input: { changeId: string; verdict: Verdict; reviewer: string; comment: string | null; now: Date },
): Promise<VerdictEntry> {
  const change = await deps.risk.getChange(input.changeId);
  if (!change) {
    throw new AppError(ErrorCode.NOT_FOUND, `No scored change has id ${input.changeId}`, {
      hint: 'Use the change id shown in the event details (details.risk.changeId) or `ledgerline model flags`.',
    });
  }
  if (input.reviewer.trim() === '') {
    throw new AppError(ErrorCode.INPUT_INVALID, 'A verdict needs the reviewer who made it');
  }
  const entry: VerdictEntry = {
    changeId: input.changeId,
    verdict: input.verdict,
    reviewer: input.reviewer.trim(),
    comment: input.comment,
    decidedAt: input.now.toISOString(),
    signature: change.signature,
    runId: change.observation.runId,
  };
  await deps.risk.recordVerdict(entry);
  return entry;
}

/** Precision of the flags of each run, as far as auditors have judged them, oldest run first. */
export interface RunPrecision {
  readonly runId: string;
  readonly flags: number;
  readonly confirmed: number;
  readonly falseAlarms: number;
  readonly undecided: number;
  /** confirmed ÷ judged; null while none is judged. */
  readonly precision: number | null;
  readonly firstChangeAt: string;
}

export async function precisionByRun(deps: { risk: RiskStore }): Promise<RunPrecision[]> {
  const latest = new Map<string, VerdictEntry>();
  for (const v of await deps.risk.listVerdicts()) latest.set(v.changeId, v);
  const runs = new Map<
    string,
    { flags: number; confirmed: number; falseAlarms: number; firstChangeAt: string }
  >();
  let after: { changedAt: string; changeId: string } | undefined;
  for (;;) {
    const page = await deps.risk.listChanges({
      flaggedOnly: true,
      limit: 5_000,
      ...(after ? { after } : {}),
    });
    for (const change of page) {
      const o = change.observation;
      const run = runs.get(o.runId) ?? { flags: 0, confirmed: 0, falseAlarms: 0, firstChangeAt: o.changedAt };
      run.flags++;
      const verdict = latest.get(o.changeId)?.verdict;
      if (verdict === 'confirmed') run.confirmed++;
      if (verdict === 'false_alarm') run.falseAlarms++;
      runs.set(o.runId, run);
    }
    if (page.length < 5_000) break;
    const last = page[page.length - 1]!.observation;
    after = { changedAt: last.changedAt, changeId: last.changeId };
  }
  return [...runs]
    .map(([runId, r]) => ({
      runId,
      ...r,
      undecided: r.flags - r.confirmed - r.falseAlarms,
      precision: r.confirmed + r.falseAlarms === 0 ? null : r.confirmed / (r.confirmed + r.falseAlarms),
    }))
    .sort((a, b) => a.firstChangeAt.localeCompare(b.firstChangeAt) || a.runId.localeCompare(b.runId));
}
