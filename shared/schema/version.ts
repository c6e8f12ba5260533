/**
 * The document schema version this build writes. Bump it only together with a migration in
 * `migrations.ts`. A document with a higher version was written by a newer Dreamboard: it opens
 * read-only with "update Dreamboard to edit" rather than being rewritten in a shape we do not know.
 */
export const SCHEMA_VERSION = 1;

export function isFromNewerVersion(schemaVersion: number): boolean {
  return schemaVersion > SCHEMA_VERSION;
}
