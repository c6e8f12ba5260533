import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportFonts } from '../../shared/export/pdf/fonts';

/**
 * The DejaVu Sans files in resources/fonts, embedded in PDFs and used to rasterise PNGs so that
 * accented and Welsh letters (ŵ ŷ â) render the same on every machine, whatever fonts it has.
 * The directory is found by walking up from this module: it sits at a different depth in the
 * source tree (tests), the bundled CLI (dist/electron) and a packaged app.
 */
const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';

export function fontDirectory(start = moduleDirectory()): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, REGULAR))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`The export font (${REGULAR}) is missing from this installation of Dreamboard.`);
}

function moduleDirectory(): string {
  // import.meta.url is undefined in the CommonJS bundle; __dirname is undefined in ES modules.
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

export function fontFiles(): string[] {
  const dir = fontDirectory();
  return [resolve(dir, REGULAR), resolve(dir, BOLD)];
}

export async function loadExportFonts(): Promise<ExportFonts> {
  const [regular, bold] = await Promise.all(fontFiles().map((f) => readFile(f)));
  return { regular: new Uint8Array(regular!), bold: new Uint8Array(bold!) };
}
