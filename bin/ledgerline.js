#!/usr/bin/env node
// In a development checkout (tsx installed) the TypeScript sources run directly, so `npm run demo`
// needs no build step and a stale dist/ can never shadow the code. A production install
// (`npm ci --omit=dev && npm run build`) has no tsx and runs the compiled dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let tsx;
try {
  tsx = existsSync(source) ? await import('tsx/esm/api') : undefined;
} catch {
  tsx = undefined;
}
if (tsx) {
  tsx.register();
  await import(source.href);
} else {
  await import(new URL('../dist/src/cli/main.js', import.meta.url).href);
}
