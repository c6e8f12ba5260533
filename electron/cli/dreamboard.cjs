#!/usr/bin/env node
// The `dreamboard` command. The real program is bundled by `npm run build:electron` (run by
// `npm install` through the "prepare" script); this launcher only finds it.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher: require() is how it loads the bundle. */
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', '..', 'dist', 'electron', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'The Dreamboard command line has not been built yet. Run "npm run build" (or "npm run build:electron") in the Dreamboard folder, then try again.\n',
  );
  process.exit(1);
}
require(bundle);
