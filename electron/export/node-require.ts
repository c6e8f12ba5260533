import { createRequire } from 'node:module';

/**
 * A require() for native modules. Bundlers follow `require('x')` and `import 'x'`, but not a
 * function made at run time, so a module loaded through this stays in node_modules (where its
 * platform binary lives) instead of being pulled into dist/.
 */
export const nodeRequire = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
