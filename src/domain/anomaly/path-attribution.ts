import { averagePathLength } from './average-path-length.js';
import { assertFeatureVector } from './feature-rows.js';
import { LEAF, type IsolationForestModel } from './isolation-forest-model.js';

/**
 * Which features isolated a point: in every tree, each split on the point's path credits its
 * feature with 1 ÷ h(x), the path length there (edges plus the c(size) leaf term). A point cut off
 * in two splits on `hoursAfterClose` gives that feature a large share; a normal point, reached
 * only after many splits on many features, spreads small credits. The credits are averaged over
 * the trees, so they sum to at most 1 (exactly 1 when every tree cuts the point off alone). Comparing them with the average credit of training points
 * (see score-calibration) says which features made this point unusual.
 */
export function pathAttribution(model: IsolationForestModel, point: readonly number[]): number[] {
  assertFeatureVector(point, model.featureCount);
  const credit = new Array<number>(model.featureCount).fill(0);
  const used: number[] = [];
  for (const tree of model.trees) {
    used.length = 0;
    let node = 0;
    let depth = 0;
    for (;;) {
      const feature = tree.feature[node] as number;
      if (feature === LEAF) {
        const length = depth + averagePathLength(tree.size[node] as number);
        if (length > 0) for (const f of used) credit[f] = (credit[f] as number) + 1 / length;
        break;
      }
      used.push(feature);
      const value = point[feature] as number;
      node = (value < (tree.split[node] as number) ? tree.left[node] : tree.right[node]) as number;
      depth++;
    }
  }
  const trees = Math.max(1, model.trees.length);
  return credit.map((c) => c / trees);
}
