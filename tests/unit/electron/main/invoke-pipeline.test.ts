import { describe, expect, it } from 'vitest';
import { RequestRefusedError, runInvoke } from '../../../../electron/main/invoke-pipeline';

const trusted = { trusted: true } as const;
const collectLog = () => {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line) };
};

describe('running an invoke', () => {
  it('calls the handler with the validated request and returns its validated response', async () => {
    const { log } = collectLog();
    const seen: unknown[] = [];
    const result = await runInvoke(
      'window:set-title',
      [{ title: 'Homecare', savedState: 'saved' }],
      trusted,
      'ctx',
      (request, context) => {
        seen.push(request, context);
        return null;
      },
      log,
    );
    expect(result).toEqual({ ok: true, value: null });
    expect(seen).toEqual([{ title: 'Homecare', savedState: 'saved' }, 'ctx']);
  });

  it('refuses an untrusted sender without calling the handler, and logs why', async () => {
    const { lines, log } = collectLog();
    let called = false;
    const result = await runInvoke(
      'app:info',
      [],
      { trusted: false, reason: 'sender is a subframe' },
      undefined,
      () => {
        called = true;
        return { version: '1', platform: 'linux' as const };
      },
      log,
    );
    expect(called).toBe(false);
    expect(result).toEqual({
      ok: false,
      error: { code: 'untrusted-sender', message: 'app:info refused: the sender is not trusted' },
    });
    expect(lines.join('\n')).toContain('sender is a subframe');
  });

  it('refuses an invalid request without calling the handler', async () => {
    const { log } = collectLog();
    let called = false;
    const result = await runInvoke(
      'edit:native',
      ['format-disk'],
      trusted,
      undefined,
      () => {
        called = true;
        return null;
      },
      log,
    );
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-request');
  });

  it('answers invalid-response, not the bad value, when a handler returns something off-contract', async () => {
    const { lines, log } = collectLog();
    // Simulates a handler bug that the type system would normally catch.
    const leaky = (() => ({
      version: '1.0.0',
      platform: 'linux',
      secretPath: '/home/user',
    })) as unknown as () => { version: string; platform: 'linux' };
    const result = await runInvoke(
      'app:info',
      [],
      trusted,
      undefined,
      () => ({ ...leaky(), version: '' }),
      log,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-response', message: 'app:info produced an invalid response' },
    });
    expect(lines).toHaveLength(1);
  });

  it('turns a thrown error into failed without passing its details to the renderer', async () => {
    const { lines, log } = collectLog();
    const result = await runInvoke(
      'app:info',
      [],
      trusted,
      undefined,
      () => {
        throw new Error('EACCES: /home/user/secret');
      },
      log,
    );
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'app:info failed' } });
    expect(lines.join('\n')).toContain('EACCES');
  });

  it('turns a refusal into invalid-request with its message', async () => {
    const { log } = collectLog();
    const result = await runInvoke(
      'shell:open-external',
      [{ url: 'https://github.com/' }],
      trusted,
      undefined,
      () => {
        throw new RequestRefusedError('help links must use the default https port');
      },
      log,
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'shell:open-external: help links must use the default https port',
      },
    });
  });

  it('strips unknown fields from a request before the handler sees them', async () => {
    const { log } = collectLog();
    let seen: unknown;
    await runInvoke(
      'window:set-title',
      [{ title: 'A', savedState: 'saved', __proto__pollution: 1 }],
      trusted,
      undefined,
      (request) => {
        seen = request;
        return null;
      },
      log,
    );
    expect(seen).toEqual({ title: 'A', savedState: 'saved' });
  });
});
