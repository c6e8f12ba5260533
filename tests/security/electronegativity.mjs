#!/usr/bin/env node
/**
 * Static security scan of the built Electron code with Doyensec's Electronegativity.
 *
 * Why this shape:
 * - Programmatic API, not the CLI: the CLI exits 0 even when it finds problems.
 * - The bundled JavaScript (dist/electron), not the TypeScript sources: Electronegativity's
 *   TypeScript parser is from the TS 4.2 era and cannot parse `satisfies`, so sources would be
 *   reported as parse errors and silently not checked. The bundle is also what actually ships.
 * - Copied to a temporary folder as .js: Electronegativity only scans .js/.ts/.html files, and the
 *   bundles are .cjs. The built index.html is included so its CSP meta tag is checked too, and a
 *   package.json naming our Electron version so version-dependent checks apply.
 * - Fails (exit 1) on any HIGH finding, on a file it could not parse, and when there was nothing
 *   to scan: a scanner that looked at nothing must not pass.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDist = path.join(root, 'dist', 'electron');
const rendererHtml = path.join(root, 'dist', 'renderer', 'index.html');
const REQUIRED_BUNDLES = ['main.cjs', 'preload.cjs'];

function fail(message) {
  console.error(`electronegativity: ${message}`);
  process.exit(1);
}

for (const bundle of REQUIRED_BUNDLES) {
  if (!existsSync(path.join(electronDist, bundle)))
    fail(`dist/electron/${bundle} is missing; run \`npm run build\` first`);
}

function listBundles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) return listBundles(path.join(dir, entry.name), relative);
    return entry.name.endsWith('.cjs') ? [relative] : [];
  });
}

function stageScanInput() {
  const staging = mkdtempSync(path.join(tmpdir(), 'dreamboard-electronegativity-'));
  const staged = [];
  for (const bundle of listBundles(electronDist)) {
    const target = path.join(staging, bundle.replace(/\.cjs$/, '.js'));
    cpSync(path.join(electronDist, bundle), target);
    staged.push(target);
  }
  if (existsSync(rendererHtml)) {
    cpSync(rendererHtml, path.join(staging, 'index.html'));
    staged.push(path.join(staging, 'index.html'));
  } else {
    console.warn('electronegativity: dist/renderer/index.html is missing; its CSP is not checked');
  }
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({ name: 'dreamboard-scan', devDependencies: { electron: electronVersion } }),
  );
  return { staging, staged, electronVersion };
}

const SEVERITY_ORDER = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];

function printFindings(issues, staging) {
  const sorted = [...issues].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity.name) - SEVERITY_ORDER.indexOf(b.severity.name),
  );
  for (const issue of sorted) {
    // Global checks report file "N/A"; everything else is inside the staging folder.
    const file = issue.file.startsWith(staging) ? path.relative(staging, issue.file) : issue.file;
    const where = issue.location ? `${file}:${issue.location.line}:${issue.location.column}` : file;
    const review = issue.manualReview ? ' (manual review)' : '';
    console.log(
      `${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}${review}\n    ${where}\n    ${issue.description}`,
    );
  }
}

async function main() {
  const { staging, staged, electronVersion } = stageScanInput();
  const scannable = staged.filter((file) => file.endsWith('.js'));
  if (scannable.length === 0) fail('no bundled JavaScript to scan');
  try {
    const run = require('@doyensec/electronegativity');
    const result = await run(
      { input: staging, isRelative: false, electronVersionOverride: electronVersion },
      false,
    );
    const fatalErrors = result.errors.filter((error) => !error.tolerable);
    console.log(
      `electronegativity: scanned ${staged.length} files (${scannable.length} bundles) with ${result.atomicChecks} atomic and ${result.globalChecks} global checks, Electron ${electronVersion}`,
    );
    printFindings(result.issues, staging);
    for (const error of fatalErrors)
      console.error(`could not parse ${path.relative(staging, error.file)}: ${error.message}`);
    if (result.atomicChecks === 0) fail('no checks were loaded');
    const high = result.issues.filter((issue) => issue.severity.name === 'HIGH');
    const counts = SEVERITY_ORDER.map(
      (name) => `${result.issues.filter((issue) => issue.severity.name === name).length} ${name}`,
    ).join(', ');
    console.log(`electronegativity: ${counts}`);
    if (fatalErrors.length > 0)
      fail(`${fatalErrors.length} file(s) could not be parsed, so they were not checked`);
    if (high.length > 0) fail(`${high.length} HIGH severity finding(s)`);
    console.log('electronegativity: no HIGH severity findings');
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
