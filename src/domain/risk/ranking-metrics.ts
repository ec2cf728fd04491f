// How well a score separates labelled positives from negatives: ROC-AUC, PR-AUC (average
// precision), recall at a false-positive-rate ceiling and precision among the top k. Used by the
// evaluation bench, the acceptance test and a trained model's metrics against auditor verdicts.

export interface Labelled {
  readonly score: number;
  readonly positive: boolean;
}

/**
 * ROC-AUC as the probability that a random positive outscores a random negative, ties counting
 * half (the Mann–Whitney U statistic over average ranks). NaN without both classes.
 */
export function rocAuc(items: readonly Labelled[]): number {
  const positives = items.filter((i) => i.positive).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.score === sorted[i]!.score) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (sorted[k]!.positive) rankSum += averageRank;
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Groups of equal score, highest first: a threshold can only fall between groups. */
function scoreGroups(items: readonly Labelled[]): { positives: number; negatives: number }[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const groups: { positives: number; negatives: number }[] = [];
  for (let i = 0; i < sorted.length;) {
    let positives = 0;
    let negatives = 0;
    const score = sorted[i]!.score;
    for (; i < sorted.length && sorted[i]!.score === score; i++) {
      if (sorted[i]!.positive) positives++;
      else negatives++;
    }
    groups.push({ positives, negatives });
  }
  return groups;
}

/** Average precision: Σ (recallₖ − recallₖ₋₁) × precisionₖ over thresholds. NaN without positives. */
export function prAuc(items: readonly Labelled[]): number {
  const total = items.filter((i) => i.positive).length;
  if (total === 0) return Number.NaN;
  let tp = 0;
  let fp = 0;
  let area = 0;
  for (const group of scoreGroups(items)) {
    tp += group.positives;
    fp += group.negatives;
    area += (group.positives / total) * (tp / (tp + fp));
  }
  return area;
}

/**
 * The best recall of any threshold whose false-positive rate stays at or below `maxFpr`, at the
 * highest threshold (so the lowest false-positive rate) that reaches it.
 */
export function recallAtFpr(
  items: readonly Labelled[],
  maxFpr: number,
): { recall: number; fpr: number; threshold: number } {
  const positives = items.filter((i) => i.positive).length;
  const negatives = items.length - positives;
  const sorted = [...items].sort((a, b) => b.score - a.score);
  let best = { recall: 0, fpr: 0, threshold: Number.POSITIVE_INFINITY };
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length;) {
    const score = sorted[i]!.score;
    for (; i < sorted.length && sorted[i]!.score === score; i++) {
      if (sorted[i]!.positive) tp++;
      else fp++;
    }
    const fpr = negatives === 0 ? 0 : fp / negatives;
    if (fpr > maxFpr) break;
    const recall = positives === 0 ? 0 : tp / positives;
    // The first threshold reaching a recall is kept: lowering it further only adds false positives.
    if (recall > best.recall) best = { recall, fpr, threshold: score };
  }
  return best;
}

/** Precision among the k highest scores (ties at the cut broken by input order). */
export function precisionAtK(items: readonly Labelled[], k: number): number {
  const top = [...items]
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.score - a.item.score || a.index - b.index)
    .slice(0, k);
  return top.length === 0 ? Number.NaN : top.filter((t) => t.item.positive).length / top.length;
}
