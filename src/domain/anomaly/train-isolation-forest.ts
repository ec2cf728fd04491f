import { AppError, ErrorCode } from '../app-error.js';
import { assertFeatureRows } from './feature-rows.js';
import {
  LEAF,
  MODEL_FORMAT,
  MODEL_VERSION,
  type IsolationForestModel,
  type IsolationTree,
} from './isolation-forest-model.js';
import { seededRandom, type RandomSource } from './seeded-random.js';

/** Training knobs; the defaults are the ones Liu et al. found to work across data sets. */
export interface IsolationForestOptions {
  /** Number of trees, t. Default 100. */
  trees?: number;
  /** Sub-sample size per tree, ψ. Default 256; capped at the number of rows. */
  sampleSize?: number;
  /** Seed for sampling and split choice; the same seed and rows give the same model. Default 1. */
  seed?: number;
}

const DEFAULT_TREES = 100;
const DEFAULT_SAMPLE_SIZE = 256;
const DEFAULT_SEED = 1;

/**
 * Trains an Isolation Forest (Liu, Ting & Zhou 2008, Algorithms 1 and 2). Each tree is grown on
 * ψ rows drawn without replacement; each node splits on a random feature whose values in the node
 * are not all equal, at a uniform value strictly inside (min, max), until one point remains, all
 * points are identical or the height limit ceil(log2 ψ) is reached. Throws AppError INPUT_INVALID
 * naming the row and column of the first bad cell, or the bad option.
 */
export function trainIsolationForest(
  rows: readonly (readonly number[])[],
  options: IsolationForestOptions = {},
): IsolationForestModel {
  const treeCount = positiveInteger('trees', options.trees ?? DEFAULT_TREES);
  const requestedSample = positiveInteger('sampleSize', options.sampleSize ?? DEFAULT_SAMPLE_SIZE);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new AppError(ErrorCode.INPUT_INVALID, `seed must be an integer (got ${String(seed)})`);
  }
  const featureCount = assertFeatureRows(rows);
  const sampleSize = Math.min(requestedSample, rows.length);
  // Shallow trees are the point of the method: anomalies isolate early, so deeper growth only
  // costs time (paper §4, "height limit").
  const heightLimit = Math.ceil(Math.log2(sampleSize));
  const random = seededRandom(seed);
  // One permutation reused across trees: a partial Fisher–Yates over any permutation is still a
  // uniform sample, and it avoids allocating an index array of every row per tree.
  const order = Int32Array.from({ length: rows.length }, (_, index) => index);
  const trees: IsolationTree[] = [];
  for (let t = 0; t < treeCount; t++) {
    const sample = drawSample(order, sampleSize, random);
    trees.push(growTree(rows, sample, featureCount, heightLimit, random));
  }
  return { format: MODEL_FORMAT, version: MODEL_VERSION, sampleSize, featureCount, trees };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new AppError(ErrorCode.INPUT_INVALID, `${name} must be a positive integer (got ${String(value)})`);
  }
  return value;
}

/** Moves a uniform sample of `size` row indexes to the front of `order` and returns a copy. */
function drawSample(order: Int32Array, size: number, random: RandomSource): Int32Array {
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    const picked = order[j] as number;
    order[j] = order[i] as number;
    order[i] = picked;
  }
  return order.slice(0, size);
}

interface TreeArrays {
  feature: number[];
  split: number[];
  left: number[];
  right: number[];
  size: number[];
}

function growTree(
  rows: readonly (readonly number[])[],
  sample: Int32Array,
  featureCount: number,
  heightLimit: number,
  random: RandomSource,
): IsolationTree {
  const tree: TreeArrays = { feature: [], split: [], left: [], right: [], size: [] };
  growNode(tree, rows, sample, featureCount, 0, heightLimit, random);
  return tree;
}

/** Grows the node holding `points` (a view of sample indexes, partitioned in place); returns its index. */
function growNode(
  tree: TreeArrays,
  rows: readonly (readonly number[])[],
  points: Int32Array,
  featureCount: number,
  depth: number,
  heightLimit: number,
  random: RandomSource,
): number {
  const node = tree.feature.length;
  tree.feature.push(LEAF);
  tree.split.push(0);
  tree.left.push(LEAF);
  tree.right.push(LEAF);
  tree.size.push(points.length);
  if (points.length <= 1 || depth >= heightLimit) return node;

  const choice = chooseSplit(rows, points, featureCount, random);
  // No feature varies: the points are identical and cannot be separated, so this is a leaf.
  if (choice === undefined) return node;

  const leftCount = partition(rows, points, choice.feature, choice.split);
  tree.feature[node] = choice.feature;
  tree.split[node] = choice.split;
  tree.left[node] = growNode(
    tree,
    rows,
    points.subarray(0, leftCount),
    featureCount,
    depth + 1,
    heightLimit,
    random,
  );
  tree.right[node] = growNode(
    tree,
    rows,
    points.subarray(leftCount),
    featureCount,
    depth + 1,
    heightLimit,
    random,
  );
  return node;
}

/** A random feature among those with range > 0 here, and a uniform split strictly inside it. */
function chooseSplit(
  rows: readonly (readonly number[])[],
  points: Int32Array,
  featureCount: number,
  random: RandomSource,
): { feature: number; split: number } | undefined {
  const mins: number[] = [];
  const maxes: number[] = [];
  const varying: number[] = [];
  for (let feature = 0; feature < featureCount; feature++) {
    let min = Infinity;
    let max = -Infinity;
    for (const index of points) {
      const value = (rows[index] as readonly number[])[feature] as number;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    mins.push(min);
    maxes.push(max);
    if (max > min) varying.push(feature);
  }
  if (varying.length === 0) return undefined;
  const feature = varying[Math.floor(random() * varying.length)] as number;
  const min = mins[feature] as number;
  const max = maxes[feature] as number;
  let split = min + random() * (max - min);
  // random() may return 0, and rounding can land on max when the range is tiny; either would
  // leave one side empty. The midpoint is then a fair fallback that is always strictly inside.
  if (!(split > min && split < max)) split = min + (max - min) / 2;
  if (!(split > min && split < max)) split = max;
  return { feature, split };
}

/** Reorders `points` so those with value < split come first; returns how many they are. */
function partition(
  rows: readonly (readonly number[])[],
  points: Int32Array,
  feature: number,
  split: number,
): number {
  let boundary = 0;
  for (let i = 0; i < points.length; i++) {
    const index = points[i] as number;
    if (((rows[index] as readonly number[])[feature] as number) < split) {
      points[i] = points[boundary] as number;
      points[boundary] = index;
      boundary++;
    }
  }
  return boundary;
}
