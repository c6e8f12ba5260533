import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../../electron/main/window-options';

describe('window options', () => {
  it('isolates and sandboxes the renderer with no Node and full web security', () => {
    const prefs = buildWindowOptions({
      preloadPath: '/app/dist/electron/preload.cjs',
      isDev: false,
    }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    });
  });

  it('offers developer tools only in development', () => {
    expect(buildWindowOptions({ preloadPath: '/p', isDev: false }).webPreferences?.devTools).toBe(false);
    expect(buildWindowOptions({ preloadPath: '/p', isDev: true }).webPreferences?.devTools).toBe(true);
  });
});
