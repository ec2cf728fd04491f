// Where the built dashboard lives: `web/dist` at the package root, found from this file's place
// (src/app in a checkout, dist/src/app in a build) so it works from any working directory.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the Ledgerline package root');
    dir = parent;
  }
  return dir;
}

/** The Vite build output of web/; `serve` serves it at `/` when it exists. */
export function webAppDir(): string {
  return path.join(packageRoot(), 'web', 'dist');
}
