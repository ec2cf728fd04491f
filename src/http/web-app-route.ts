// Serves the built dashboard (web/dist) from `serve`: hashed assets under /assets/ with long
// caching, and index.html for every other non-API GET so client-side routes survive a reload.
// Only files listed when the server starts can be served, so no request path ever reaches the
// file system (no traversal, no symlink surprises).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

async function listFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

/**
 * Registers the web app found in `root` (the Vite build output). Returns false, registering
 * nothing, when there is no build (`index.html` missing), so `serve` still runs its API.
 */
export async function registerWebApp(server: FastifyInstance, root: string): Promise<boolean> {
  let files: string[];
  try {
    files = await listFiles(root);
  } catch {
    return false;
  }
  if (!files.includes('index.html')) return false;
  const contents = new Map<string, Buffer>();
  for (const file of files) contents.set(`/${file}`, await readFile(path.join(root, file)));
  const index = contents.get('/index.html')!;

  server.get('/*', { config: { permission: 'public' } }, async (request, reply) => {
    const pathname = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (pathname.startsWith('/api/')) {
      return reply.code(404).send({ error: 'NOT_FOUND', message: `No API route ${pathname}` });
    }
    const file = contents.get(pathname);
    if (file && pathname !== '/index.html') {
      const type = CONTENT_TYPES[path.extname(pathname)] ?? 'application/octet-stream';
      // Vite names assets by content hash: a changed file gets a new name, so caching is safe.
      const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return reply.type(type).header('cache-control', cache).send(file);
    }
    if (path.extname(pathname) !== '') {
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    }
    return reply.type(CONTENT_TYPES['.html']!).header('cache-control', 'no-store').send(index);
  });
  return true;
}
