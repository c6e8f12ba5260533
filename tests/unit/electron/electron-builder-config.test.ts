import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// Parse with the YAML library electron-builder itself uses, so the test reads the file as it will.
const requireFromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
const schema = requireFromBuilder('./scheme.json') as object;

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own configuration schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would catch a misspelt key or a wrongly typed value (the schema check is not vacuous)', () => {
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
    expect(validate({ ...config, asar: 'yes please' })).toBe(false);
  });

  it('names the app and packs only the bundles and package.json, never node_modules', () => {
    expect(config).toMatchObject({ appId: 'org.dreamboard.app', productName: 'Dreamboard', asar: true });
    expect(config.files).toEqual(['dist/**', 'package.json', '!dist/**/*.map', '!node_modules/**']);
    // The exclusion matters because there are production dependencies it would otherwise copy.
    expect(Object.keys(packageJson.dependencies).length).toBeGreaterThan(0);
    expect(packageJson.main).toMatch(/^dist\//);
  });

  it('flips every hardening fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('registers .dreamboard files and dreamboard:// links', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'dreamboard',
        name: 'Dreamboard workshop',
        mimeType: 'application/x-dreamboard',
      }),
    ]);
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['dreamboard'] })]);
  });

  it('builds AppImage and deb in Office, NSIS, and a hardened-runtime dmg', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'], hardenedRuntime: true });
  });

  it('points at an icon that exists and is at least 512 pixels square', () => {
    const png = readFileSync('resources/icons/icon.png');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // Width and height are big-endian at bytes 16 and 20 of the IHDR chunk.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
  });
});
