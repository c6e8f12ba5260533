import { describe, expect, it } from 'vitest';
import { readDevServerSetting } from '../../../../electron/main/dev-server';

describe('the development server setting', () => {
  it('means production when DREAMBOARD_DEV_URL is unset or empty', () => {
    expect(readDevServerSetting({})).toEqual({ mode: 'production' });
    expect(readDevServerSetting({ DREAMBOARD_DEV_URL: '' })).toEqual({ mode: 'production' });
  });

  it('accepts http://127.0.0.1 with a port', () => {
    expect(readDevServerSetting({ DREAMBOARD_DEV_URL: 'http://127.0.0.1:5173' })).toEqual({
      mode: 'development',
      url: 'http://127.0.0.1:5173/',
    });
  });

  it('normalises another spelling of 127.0.0.1 to the canonical origin', () => {
    expect(readDevServerSetting({ DREAMBOARD_DEV_URL: 'http://127.1:5173' })).toEqual({
      mode: 'development',
      url: 'http://127.0.0.1:5173/',
    });
  });

  it.each([
    ['a remote host', 'http://evil.example:5173'],
    ['localhost (may resolve off-box)', 'http://localhost:5173'],
    ['https to a remote host', 'https://evil.example'],
    ['no port', 'http://127.0.0.1'],
    ['IPv6 loopback', 'http://[::1]:5173'],
    ['a path', 'http://127.0.0.1:5173/other'],
    ['credentials', 'http://a:b@127.0.0.1:5173'],
    ['a file URL', 'file:///tmp/index.html'],
    ['not a URL', 'five one seven three'],
  ])('refuses %s with a reason instead of loading it', (_case, value) => {
    const setting = readDevServerSetting({ DREAMBOARD_DEV_URL: value });
    expect(setting.mode).toBe('refused');
  });
});
