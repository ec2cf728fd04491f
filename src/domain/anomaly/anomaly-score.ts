import { averagePathLength } from './average-path-length.js';
import { assertFeatureVector } from './feature-rows.js';
import { LEAF, type IsolationForestModel, type IsolationTree } from './isolation-forest-model.js';

/**
 * Path length h(x) in one tree: edges walked to the external node, plus c(size) for the points
 * still together there, which estimates the subtree the height limit stopped growing (paper §4).
 */
function pathLength(tree: IsolationTree, point: readonly number[], leafAdjustment: Float64Array): number {
  let node = 0;
  let depth = 0;
  for (;;) {
    const feature = tree.feature[node] as number;
    if (feature === LEAF) {
      const size = tree.size[node] as number;
      return depth + (leafAdjustment[size] ?? averagePathLength(size));
    }
    const value = point[feature] as number;
    node = (value < (tree.split[node] as number) ? tree.left[node] : tree.right[node]) as number;
    depth++;
  }
}

/**
 * c(0..ψ) computed once per scoring call: leaf sizes never exceed ψ in a trained model, and the
 * logarithm per leaf visit cost about a tenth of the scoring time. Larger sizes (possible only
 * in a hand-edited model) fall back to the formula.
 */
function leafAdjustments(model: IsolationForestModel): Float64Array {
  return Float64Array.from({ length: model.sampleSize + 1 }, (_, n) => averagePathLength(n));
}

function scoreChecked(
  model: IsolationForestModel,
  point: readonly number[],
  leafAdjustment: Float64Array,
): number {
  const normaliser = averagePathLength(model.sampleSize);
  // With ψ = 1 every tree is a single leaf and no point can be told apart from another; 0.5 is
  // the paper's "no distinct anomaly" score that s tends to when E(h) ≈ c(ψ).
  if (normaliser === 0 || model.trees.length === 0) return 0.5;
  let total = 0;
  for (const tree of model.trees) total += pathLength(tree, point, leafAdjustment);
  return 2 ** -(total / model.trees.length / normaliser);
}

/**
 * Anomaly score s(x, ψ) = 2^(−E(h(x)) / c(ψ)) in [0, 1] (Liu et al. eq. 2): near 1 is an
 * anomaly, well below 0.5 is normal, around 0.5 everywhere means no clear anomaly. Throws
 * AppError INPUT_INVALID if the point has the wrong length or a non-finite value.
 */
export function anomalyScore(model: IsolationForestModel, point: readonly number[]): number {
  assertFeatureVector(point, model.featureCount);
  return scoreChecked(model, point, leafAdjustments(model));
}

/**
 * Scores every point, in order. Validation errors name the zero-based row and column of the
 * first bad cell.
 */
export function scoreAll(model: IsolationForestModel, points: readonly (readonly number[])[]): number[] {
  const leafAdjustment = leafAdjustments(model);
  return points.map((point, row) => {
    assertFeatureVector(point, model.featureCount, row);
    return scoreChecked(model, point, leafAdjustment);
  });
}
