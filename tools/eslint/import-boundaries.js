// ESLint rule enforcing the import rules of DESIGN.md §3. One table says which layer may import which;
// the rule resolves each relative import to a layer and reports anything the table does not allow.
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Which layers each layer may import (its own layer is always allowed, except between adapters). */
export const ALLOWED_IMPORTS = {
  domain: [],
  ports: ['domain'],
  services: ['domain', 'ports'],
  adapters: ['domain', 'ports'],
  http: ['domain', 'ports', 'services', 'config'],
  jobs: ['domain', 'ports', 'services'],
  config: ['domain'],
  app: ['domain', 'ports', 'services', 'adapters', 'http', 'jobs', 'config'],
  cli: ['domain', 'ports', 'services', 'adapters', 'http', 'jobs', 'config', 'app', 'emulator'],
  emulator: [],
};

/** Node built-ins that perform I/O or read ambient state; the domain must stay pure (DESIGN.md §3). */
const IMPURE_BUILTINS = new Set([
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'net',
  'dgram',
  'dns',
  'child_process',
  'cluster',
  'worker_threads',
  'os',
  'process',
  'tls',
  'readline',
  'stream',
  'timers',
  'timers/promises',
]);

/**
 * The layer of a file: `domain`, `adapters/store`, `emulator`… or undefined outside the rules
 * (tests, benches, tools).
 */
export function layerOf(absolutePath) {
  const rel = path.relative(repoRoot, absolutePath).split(path.sep);
  if (rel[0] === 'emulator') return { layer: 'emulator' };
  if (rel[0] !== 'src' || rel.length < 3) return undefined;
  const layer = rel[1];
  if (!(layer in ALLOWED_IMPORTS)) return undefined;
  if (layer === 'adapters') return { layer, adapter: rel.length > 3 ? rel[2] : undefined };
  return { layer };
}

function isTestFile(file) {
  return /\.test\.ts$/.test(file);
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer import rules of DESIGN.md §3' },
    schema: [],
    messages: {
      layer: "'{{from}}' may not import from '{{to}}' ({{source}}). Allowed: {{allowed}} (DESIGN.md §3).",
      adapter:
        "Adapter '{{from}}' may not import adapter '{{to}}' ({{source}}). Share through ports/ or domain/ instead.",
      impure: "domain/ must stay free of I/O: '{{source}}' is not allowed (DESIGN.md §3).",
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from || isTestFile(file)) return {};

    function check(node, source) {
      if (typeof source !== 'string') return;
      if (from.layer === 'domain' && !source.startsWith('.')) {
        const bare = source.replace(/^node:/, '');
        if (IMPURE_BUILTINS.has(bare)) context.report({ node, messageId: 'impure', data: { source } });
        return;
      }
      if (!source.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), source));
      const outsideRules = !to;
      if (outsideRules) {
        // Production code must not reach into tests, benches or tools either.
        const target = path.relative(repoRoot, path.resolve(path.dirname(file), source));
        if (!target.startsWith('src') && !target.startsWith('emulator')) {
          context.report({
            node,
            messageId: 'layer',
            data: {
              from: from.layer,
              to: target.split(path.sep)[0],
              source,
              allowed: 'src/ and emulator/ only',
            },
          });
        }
        return;
      }
      if (to.layer === from.layer) {
        if (from.layer === 'adapters' && from.adapter && to.adapter && from.adapter !== to.adapter) {
          context.report({
            node,
            messageId: 'adapter',
            data: { from: from.adapter, to: to.adapter, source },
          });
        }
        return;
      }
      const allowed = ALLOWED_IMPORTS[from.layer] ?? [];
      if (!allowed.includes(to.layer)) {
        context.report({
          node,
          messageId: 'layer',
          data: {
            from: from.layer,
            to: to.layer,
            source,
            allowed: allowed.join(', ') || 'its own layer only',
          },
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
