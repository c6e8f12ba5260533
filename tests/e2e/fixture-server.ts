import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';

/**
 * A small test page of its own for a spec: built from `tests/e2e/fixtures/<name>` with the app's
 * Vite configuration (so it bundles the app's modules exactly as the app does) into a temporary
 * folder, and served from 127.0.0.1 on a free port. Nothing here ships with the app, and no test
 * hook has to be added to the app's build.
 */

export interface FixtureServer {
  /** `http://127.0.0.1:<port>`; the page is `${origin}/index.html`. */
  readonly origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

export async function serveFixture(name: string): Promise<FixtureServer> {
  const outDir = await mkdtemp(join(tmpdir(), `dreamboard-${name}-`));
  try {
    await build({
      configFile: resolve('vite.config.ts'),
      root: resolve('tests/e2e/fixtures', name),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(outDir, path === '/' ? 'index.html' : path);
    stat(file).then(
      (s) => {
        if (!s.isFile() || !file.startsWith(outDir)) throw new Error('not a file');
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((done) => server.close(done));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
