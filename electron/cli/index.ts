/**
 * Placeholder entry so `npm run build:electron` has all three inputs; the command-line tool's
 * owner replaces this file. Until then it prints usage and exits 2 (usage error).
 */
process.stderr.write('Usage: dreamboard <command> [options]\nNo commands are available in this build yet.\n');
process.exit(2);
