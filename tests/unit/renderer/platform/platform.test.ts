import { describe, expect, it, vi } from 'vitest';
import type { ActionId } from '../../../../shared/actions/catalog';
import type { DesktopApi, IpcResult, NativeEditCommand } from '../../../../shared/ipc/contract';
import { createBrowserPlatform } from '../../../../renderer/platform/browser';
import { isTextEditingTarget, type FocusedElementLike } from '../../../../renderer/platform/editable-focus';
import { createElectronPlatform } from '../../../../renderer/platform/electron';
import { fakeLiveApi } from './fake-live-api';
import { fakeWorkshopApi } from './fake-workshop-api';

const done: IpcResult<null> = { ok: true, value: null };

function fakeDesktop() {
  let emit: ((actionId: ActionId) => void) | undefined;
  const nativeEdits: NativeEditCommand[] = [];
  const titles: unknown[] = [];
  let subscriptions = 0;
  const desktop: DesktopApi = {
    ...fakeWorkshopApi().api,
    contractVersion: 2,
    getAppInfo: () => Promise.resolve({ ok: true, value: { version: '0.1.0', platform: 'linux' } }),
    setWindowTitle: (request) => {
      titles.push(request);
      return Promise.resolve(done);
    },
    openExternal: ({ url }) =>
      Promise.resolve(
        url.startsWith('https://github.com/')
          ? done
          : { ok: false, error: { code: 'invalid-request', message: 'not allowed' } },
      ),
    performNativeEdit: (command) => {
      nativeEdits.push(command);
      return Promise.resolve(done);
    },
    onMenuAction: (listener) => {
      subscriptions += 1;
      emit = listener;
      return () => {
        subscriptions -= 1;
        emit = undefined;
      };
    },
    saveExport: () => Promise.reject(new Error('unused')),
    ...fakeLiveApi().api,
  };
  return {
    desktop,
    nativeEdits,
    titles,
    emit: (id: ActionId) => emit?.(id),
    subscriptions: () => subscriptions,
  };
}

const textarea: FocusedElementLike = { tagName: 'TEXTAREA' };
const canvas: FocusedElementLike = { tagName: 'CANVAS' };

describe('the desktop platform', () => {
  it('delivers menu actions to every listener through one subscription, and unsubscribes when the last leaves', () => {
    const fake = fakeDesktop();
    const platform = createElectronPlatform(fake.desktop, () => canvas);
    const first: ActionId[] = [];
    const second: ActionId[] = [];
    const stopFirst = platform.onMenuAction((id) => first.push(id));
    const stopSecond = platform.onMenuAction((id) => second.push(id));
    expect(fake.subscriptions()).toBe(1);
    fake.emit('insert.card');
    expect(first).toEqual(['insert.card']);
    expect(second).toEqual(['insert.card']);
    stopFirst();
    stopSecond();
    expect(fake.subscriptions()).toBe(0);
  });

  it('performs edit actions natively, once, when a text field has focus', () => {
    const fake = fakeDesktop();
    const platform = createElectronPlatform(fake.desktop, () => textarea);
    const delivered: ActionId[] = [];
    platform.onMenuAction((id) => delivered.push(id));
    platform.onMenuAction((id) => delivered.push(id));
    fake.emit('edit.paste');
    expect(fake.nativeEdits).toEqual(['paste']);
    expect(delivered).toEqual([]);
  });

  it('gives edit actions to the canvas when no text field has focus', () => {
    const fake = fakeDesktop();
    const platform = createElectronPlatform(fake.desktop, () => canvas);
    const delivered: ActionId[] = [];
    platform.onMenuAction((id) => delivered.push(id));
    fake.emit('edit.paste');
    expect(delivered).toEqual(['edit.paste']);
    expect(fake.nativeEdits).toEqual([]);
  });

  it('sends the title with its saved state', () => {
    const fake = fakeDesktop();
    createElectronPlatform(fake.desktop, () => null).setWindowTitle('Homecare', 'unsaved');
    expect(fake.titles).toEqual([{ title: 'Homecare', savedState: 'unsaved' }]);
  });

  it('reports a refused help link as false, not as an exception', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const platform = createElectronPlatform(fakeDesktop().desktop, () => null);
    await expect(platform.openHelpLink('https://github.com/x')).resolves.toBe(true);
    await expect(platform.openHelpLink('https://evil.example/')).resolves.toBe(false);
    expect(warn).toHaveBeenCalledWith('[platform] help link: not allowed');
    warn.mockRestore();
  });
});

describe('the browser platform', () => {
  it('sets the document title like the desktop window title', () => {
    const titles: string[] = [];
    const platform = createBrowserPlatform({
      setTitle: (title) => titles.push(title),
      openInNewTab: () => true,
    });
    platform.setWindowTitle('Homecare', 'unsaved');
    expect(titles).toEqual(['Homecare (unsaved changes) — Dreamboard']);
  });

  it('opens only allowed help links, and never delivers menu actions', async () => {
    const opened: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const platform = createBrowserPlatform({
      setTitle: () => undefined,
      openInNewTab: (url) => opened.push(url) > 0,
    });
    await expect(platform.openHelpLink('https://www.gov.uk/service-manual')).resolves.toBe(true);
    await expect(platform.openHelpLink('javascript:alert(1)')).resolves.toBe(false);
    expect(opened).toEqual(['https://www.gov.uk/service-manual']);
    const unsubscribe = platform.onMenuAction(() => {
      throw new Error('no native menus in a browser');
    });
    unsubscribe();
    warn.mockRestore();
  });

  it('reports its version from package.json and platform web', async () => {
    const info = await createBrowserPlatform({
      setTitle: () => undefined,
      openInNewTab: () => true,
    }).getAppInfo();
    expect(info.platform).toBe('web');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('what counts as a text field', () => {
  it.each([
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'INPUT', type: 'text' }, true],
    [{ tagName: 'input', type: 'search' }, true],
    [{ tagName: 'INPUT', type: '' }, true],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'INPUT', type: 'range' }, false],
    [{ tagName: 'TEXTAREA', disabled: true }, false],
    [{ tagName: 'BUTTON' }, false],
    [{ tagName: 'CANVAS' }, false],
    [null, false],
  ] as const)('%o is a text field: %s', (element, expected) => {
    expect(isTextEditingTarget(element)).toBe(expected);
  });
});
