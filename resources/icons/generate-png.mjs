#!/usr/bin/env node
/**
 * Renders icon.svg to the 512×512 icon.png electron-builder uses (it derives .ico and .icns from
 * it). Run after editing the SVG: `node resources/icons/generate-png.mjs`. Draws with the Debian
 * Chromium the tests already use (no browser download, no image tools needed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZE = 512;
const here = path.dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
const target = path.join(here, 'icon.png');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style>${svg}`,
  );
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(target, png);
  console.log(`wrote ${path.relative(process.cwd(), target)} (${png.length} bytes)`);
} finally {
  await browser.close();
}
