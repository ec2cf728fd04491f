/** Names the file format so a parser can refuse JSON that is some other thing. */
export const MODEL_FORMAT = 'ledgerline.isolation-forest';

/** Bumped whenever the stored shape changes; parseModel refuses any other version. */
export const MODEL_VERSION = 1;

/** Marks a node as external (a leaf) in `IsolationTree.feature` and the child arrays. */
export const LEAF = -1;

/**
 * One isolation tree as parallel flat arrays indexed by node, root at 0. Flat number arrays keep
 * the model plain JSON and make scoring a tight loop. A child's index is always greater than its
 * parent's, which parseModel checks so a stored tree can never loop.
 */
export interface IsolationTree {
  /** Feature index tested at an internal node; LEAF at an external node. */
  readonly feature: readonly number[];
  /** Split value at an internal node: values below it go left, the rest right. 0 at leaves. */
  readonly split: readonly number[];
  /** Index of the left child, or LEAF. */
  readonly left: readonly number[];
  /** Index of the right child, or LEAF. */
  readonly right: readonly number[];
  /** How many sampled training points reached the node; leaves use it for the c(size) term. */
  readonly size: readonly number[];
}

/** A trained Isolation Forest as plain, JSON-serialisable data. */
export interface IsolationForestModel {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_VERSION;
  /** ψ actually used per tree (the requested sample size, capped at the row count). */
  readonly sampleSize: number;
  /** Number of features every scored point must have. */
  readonly featureCount: number;
  readonly trees: readonly IsolationTree[];
}
