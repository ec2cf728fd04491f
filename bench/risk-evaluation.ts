// Risk scoring measured on the emulator's labelled simulations (issue #8): history is audited in a
// cold start, a model is trained on it, then simulations with other random seeds are audited and
// every labelled edit is matched to its scored change. Prints precision, recall, ROC-AUC and PR-AUC
// of the risk score, the anomaly score alone and a rules-only baseline (the severity of the rules
// that fired). Run: node --import tsx bench/risk-evaluation.ts
import { evaluateRiskScoring } from '../test/support/risk-evaluation.js';
import type { ScoreFigures } from '../test/support/risk-evaluation.js';

const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
const row = (name: string, f: ScoreFigures) =>
  `${name.padEnd(12)} ROC-AUC ${f.rocAuc.toFixed(3)}  PR-AUC ${f.prAuc.toFixed(3)}  recall ${pct(f.recallAtFpr5)} at FPR ${pct(f.fprAtThatRecall)}  precision@50 ${pct(f.precisionAt50)}`;

for (const [trainingSeed, evaluationSeed] of [
  [100, 9_001],
  [200, 7_301],
  [300, 5_101],
] as const) {
  const report = await evaluateRiskScoring({ trainingSeed, evaluationSeed });
  console.log(
    `\ntraining seeds ${trainingSeed}…, evaluation seeds ${evaluationSeed}…: model ${report.modelId} trained on ${report.trainingChanges} changes in ${report.trainingMs} ms`,
  );
  console.log(
    `evaluated ${report.evaluated.labels} labelled edits (${report.evaluated.planted} planted, ${report.evaluated.benign} benign, ${report.evaluated.unmatched} not found)`,
  );
  console.log(row('risk score', report.risk));
  console.log(row('anomaly', report.anomaly));
  console.log(row('rules only', report.rulesOnly));
  console.log(
    `top ${report.flags.count} flags: ${report.flags.planted} planted (precision ${pct(report.flags.precision)})`,
  );
  for (const [kind, k] of Object.entries(report.byKind).sort()) {
    console.log(
      `  ${kind.padEnd(26)} ${String(k.count).padStart(4)} edits, mean risk ${k.meanRisk.toFixed(2)}, above the 5 %-FPR threshold: ${k.detectedAt5}`,
    );
  }
}
