import { AppError, ErrorCode } from '../app-error.js';
import {
  LEAF,
  MODEL_FORMAT,
  MODEL_VERSION,
  type IsolationForestModel,
  type IsolationTree,
} from './isolation-forest-model.js';

/**
 * The model as JSON text. JSON writes every finite double in a form that parses back to the same
 * bits, so a reloaded model scores exactly as the original.
 */
export function serializeModel(model: IsolationForestModel): string {
  return JSON.stringify(model);
}

function invalid(message: string): AppError {
  return new AppError(ErrorCode.INPUT_INVALID, `Invalid Isolation Forest model: ${message}`, {
    hint: 'Retrain the model, or load a file written by serializeModel of this version.',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveIntegerField(record: Record<string, unknown>, name: string): number {
  const value = record[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw invalid(`${name} must be a positive integer`);
  }
  return value;
}

function numberArray(tree: Record<string, unknown>, name: string, where: string): number[] {
  const value = tree[name];
  if (!Array.isArray(value) || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw invalid(`${where}.${name} must be an array of finite numbers`);
  }
  return value as number[];
}

/**
 * Checks one tree so scoring can never read out of range or loop: equal-length arrays, a root,
 * every child index after its parent's, features within range, positive integer sizes.
 */
function parseTree(value: unknown, index: number, featureCount: number): IsolationTree {
  const where = `trees[${index}]`;
  if (!isRecord(value)) throw invalid(`${where} must be an object`);
  const feature = numberArray(value, 'feature', where);
  const split = numberArray(value, 'split', where);
  const left = numberArray(value, 'left', where);
  const right = numberArray(value, 'right', where);
  const size = numberArray(value, 'size', where);
  const count = feature.length;
  if (count === 0) throw invalid(`${where} has no nodes`);
  if ([split, left, right, size].some((array) => array.length !== count)) {
    throw invalid(`${where} arrays differ in length`);
  }
  for (let node = 0; node < count; node++) {
    const at = `${where} node ${node}`;
    const f = feature[node] as number;
    const l = left[node] as number;
    const r = right[node] as number;
    const s = size[node] as number;
    if (!Number.isSafeInteger(s) || s < 1) throw invalid(`${at} size must be a positive integer`);
    if (f === LEAF) {
      if (l !== LEAF || r !== LEAF) throw invalid(`${at} is a leaf with children`);
      continue;
    }
    if (!Number.isInteger(f) || f < 0 || f >= featureCount) {
      throw invalid(`${at} feature ${f} is outside 0..${featureCount - 1}`);
    }
    for (const child of [l, r]) {
      if (!Number.isInteger(child) || child <= node || child >= count) {
        throw invalid(`${at} child ${child} must be a later node index`);
      }
    }
  }
  return { feature, split, left, right, size };
}

/**
 * Reads a model written by serializeModel. Throws AppError INPUT_INVALID saying what is wrong:
 * not JSON, another format or version, or a malformed tree.
 */
export function parseModel(text: string): IsolationForestModel {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError(ErrorCode.INPUT_INVALID, 'Invalid Isolation Forest model: not JSON', {
      cause: error,
    });
  }
  if (!isRecord(value)) throw invalid('expected a JSON object');
  if (value['format'] !== MODEL_FORMAT) throw invalid(`format must be "${MODEL_FORMAT}"`);
  if (value['version'] !== MODEL_VERSION) {
    throw invalid(`version ${String(value['version'])} is not supported (expected ${MODEL_VERSION})`);
  }
  const sampleSize = positiveIntegerField(value, 'sampleSize');
  const featureCount = positiveIntegerField(value, 'featureCount');
  const trees = value['trees'];
  if (!Array.isArray(trees)) throw invalid('trees must be an array');
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    sampleSize,
    featureCount,
    trees: trees.map((tree: unknown, index) => parseTree(tree, index, featureCount)),
  };
}
