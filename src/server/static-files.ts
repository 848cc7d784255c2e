// The web app's static files, read once at start-up into memory. Requests are
// answered by exact lookup in that map, so no request path ever reaches the
// file system (no traversal to worry about).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/web of this checkout; dist/server has the same depth as src/server. */
export const WEB_DIR = fileURLToPath(new URL('../../src/web/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface StaticFile {
  contentType: string;
  body: Buffer;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Web path ("/assets/app.js" for src/web/assets/app.js) -> file. Unknown extensions are left out. */
export function loadStaticFiles(dir: string = WEB_DIR): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const path of walk(dir)) {
    const contentType = CONTENT_TYPES[extname(path)];
    if (!contentType) continue;
    files.set(`/${relative(dir, path).split(sep).join('/')}`, { contentType, body: readFileSync(path) });
  }
  return files;
}
