import { describe, expect, it } from 'vitest';
import { checkEventPayload, checkRequest, checkResponse } from '../../../../shared/ipc/validate';
import { MAX_JOINED_STATE_BYTES, MAX_RECORD_BYTES } from '../../../../shared/ipc/workshop-schemas';

const handle = 'a'.repeat(32);
const recentId = '0123456789abcdef';
const problem = { code: 'damaged', message: '"x.dreamboard" is damaged beyond repair.' };
const workshop = {
  handle,
  name: 'Plan',
  state: new Uint8Array([0, 0]),
  saveState: { kind: 'saved', savedAt: 1 },
  readOnlyReason: null,
  recoveryMessage: null,
  removedTemporaries: 0,
};

const accepts = (channel: Parameters<typeof checkRequest>[0], ...args: unknown[]) =>
  checkRequest(channel, args).ok;

describe('workshop requests', () => {
  it('create: a template id and an optional usable title', () => {
    expect(accepts('workshops:create', { templateId: 'dream-service-model' })).toBe(true);
    expect(accepts('workshops:create', { templateId: 'blank', title: 'Homecare 2026' })).toBe(true);
    expect(accepts('workshops:create', { templateId: '../../etc' })).toBe(false);
    expect(accepts('workshops:create', { templateId: 'blank', title: 'a/b' })).toBe(false);
    expect(accepts('workshops:create', { templateId: 'blank', title: '   ' })).toBe(false);
    expect(accepts('workshops:create')).toBe(false);
  });

  it('create-from-state: bytes up to 32 MiB and any title up to 200 characters', () => {
    const state = new Uint8Array(10);
    expect(accepts('workshops:create-from-state', { state, title: 'Homecare: A/B plan' })).toBe(true);
    expect(accepts('workshops:create-from-state', { state, title: '' })).toBe(true);
    expect(
      accepts('workshops:create-from-state', { state: new Uint8Array(MAX_JOINED_STATE_BYTES), title: 'P' }),
    ).toBe(true);
    expect(
      accepts('workshops:create-from-state', {
        state: new Uint8Array(MAX_JOINED_STATE_BYTES + 1),
        title: 'P',
      }),
    ).toBe(false);
    expect(accepts('workshops:create-from-state', { state: [1, 2], title: 'P' })).toBe(false);
    expect(accepts('workshops:create-from-state', { state, title: 'x'.repeat(201) })).toBe(false);
    expect(accepts('workshops:create-from-state', { state })).toBe(false);
    expect(accepts('workshops:create-from-state')).toBe(false);
  });

  it('open-dialog, recent and take-open-requests take nothing', () => {
    for (const channel of [
      'workshops:open-dialog',
      'workshops:recent',
      'workshops:take-open-requests',
    ] as const) {
      expect(accepts(channel)).toBe(true);
      expect(accepts(channel, { path: '/etc/passwd' })).toBe(false);
    }
  });

  it('open-path: a string without null bytes (main checks the rest)', () => {
    expect(accepts('workshops:open-path', { path: '/home/sam/Plan.dreamboard' })).toBe(true);
    expect(accepts('workshops:open-path', { path: '/home/sam/Plan.dreamboard\0.txt' })).toBe(false);
    expect(accepts('workshops:open-path', { path: '' })).toBe(false);
    expect(accepts('workshops:open-path', { path: 'x'.repeat(5000) })).toBe(false);
  });

  it('open-recent and forget-recent: an id, never a path', () => {
    for (const channel of ['workshops:open-recent', 'workshops:forget-recent'] as const) {
      expect(accepts(channel, { id: recentId })).toBe(true);
      expect(accepts(channel, { id: '/home/sam/Plan.dreamboard' })).toBe(false);
      expect(accepts(channel, { id: recentId.toUpperCase() })).toBe(false);
    }
  });

  it('record: a handle and bytes up to the cap', () => {
    expect(accepts('workshops:record', { handle, update: new Uint8Array(10) })).toBe(true);
    expect(accepts('workshops:record', { handle, update: new Uint8Array(MAX_RECORD_BYTES) })).toBe(true);
    expect(accepts('workshops:record', { handle, update: new Uint8Array(MAX_RECORD_BYTES + 1) })).toBe(false);
    expect(accepts('workshops:record', { handle, update: [1, 2, 3] })).toBe(false);
    expect(accepts('workshops:record', { handle, update: 'AAEC' })).toBe(false);
    expect(accepts('workshops:record', { handle: 'not-a-handle', update: new Uint8Array(1) })).toBe(false);
    expect(accepts('workshops:record', { handle: handle.toUpperCase(), update: new Uint8Array(1) })).toBe(
      false,
    );
  });

  it('save-as, close and history: a handle only', () => {
    for (const channel of ['workshops:save-as', 'workshops:close', 'workshops:history'] as const) {
      expect(accepts(channel, { handle })).toBe(true);
      expect(accepts(channel, { handle: 'x' })).toBe(false);
      expect(accepts(channel)).toBe(false);
    }
  });

  it('rename: a name that stays in its folder', () => {
    expect(accepts('workshops:rename', { handle, name: 'Homecare plan' })).toBe(true);
    expect(accepts('workshops:rename', { handle, name: 'Plan — draft 2' })).toBe(true);
    for (const name of ['../Plan', 'a\\b', 'a:b', '.hidden', 'dot.', '', 'x'.repeat(121), 'tab\there'])
      expect(accepts('workshops:rename', { handle, name }), name).toBe(false);
  });

  it('load-history: a handle and a snapshot id', () => {
    expect(accepts('workshops:load-history', { handle, id: '001750000000000-a1b2c3' })).toBe(true);
    expect(accepts('workshops:load-history', { handle, id: '../../secret' })).toBe(false);
  });

  it('flush-ack: a 16-hex token', () => {
    expect(accepts('workshops:flush-ack', { token: '0123456789abcdef' })).toBe(true);
    expect(accepts('workshops:flush-ack', { token: 'nope' })).toBe(false);
  });
});

describe('workshop responses', () => {
  it('open outcomes: opened, elsewhere, cancelled, problem', () => {
    for (const outcome of [
      { kind: 'opened', workshop },
      { kind: 'elsewhere' },
      { kind: 'cancelled' },
      { kind: 'problem', problem },
    ])
      expect(checkResponse('workshops:open-dialog', outcome).ok).toBe(true);
    expect(
      checkResponse('workshops:open-dialog', { kind: 'opened', workshop: { ...workshop, handle: 'x' } }).ok,
    ).toBe(false);
    expect(
      checkResponse('workshops:open-dialog', { kind: 'problem', problem: { code: 'oops', message: '' } }).ok,
    ).toBe(false);
    expect(checkResponse('workshops:take-open-requests', [{ kind: 'elsewhere' }]).ok).toBe(true);
  });

  it('recent entries carry no path field', () => {
    const checked = checkResponse('workshops:recent', [
      { id: recentId, name: 'Plan', folder: '~/Documents', openedAt: 1, path: '/secret' },
    ]);
    expect(checked.ok && checked.value[0]).toEqual({
      id: recentId,
      name: 'Plan',
      folder: '~/Documents',
      openedAt: 1,
    });
  });

  it('name, close and history outcomes', () => {
    expect(checkResponse('workshops:rename', { kind: 'done', name: 'Plan' }).ok).toBe(true);
    expect(checkResponse('workshops:save-as', { kind: 'cancelled' }).ok).toBe(true);
    expect(
      checkResponse('workshops:close', {
        kind: 'problem',
        problem: { code: 'save-failed', message: 'The disk is full.' },
      }).ok,
    ).toBe(true);
    expect(checkResponse('workshops:load-history', { kind: 'loaded', state: new Uint8Array(2) }).ok).toBe(
      true,
    );
    expect(
      checkResponse('workshops:history', [
        { id: 'a-1', takenAt: 1, title: 'Plan', cards: 1, cardsAdded: 1, cardsRemoved: 0, bytes: 10 },
      ]).ok,
    ).toBe(true);
  });
});

describe('workshop events', () => {
  it('save states follow the engine’s SaveState', () => {
    for (const state of [
      { kind: 'saved', savedAt: 5 },
      { kind: 'unsaved' },
      { kind: 'saving' },
      { kind: 'failing', code: 'disk-full', message: 'The disk is full.', retryInMs: 1000 },
      { kind: 'read-only', reason: 'Newer version.' },
    ])
      expect(checkEventPayload('workshops:save-state', { handle, state }).ok).toBe(true);
    expect(
      checkEventPayload('workshops:save-state', {
        handle,
        state: { kind: 'failing', code: 'EIO', message: '', retryInMs: 1 },
      }).ok,
    ).toBe(false);
    expect(checkEventPayload('workshops:open-requested', null).ok).toBe(true);
    expect(checkEventPayload('workshops:flush-requested', { token: '0123456789abcdef' }).ok).toBe(true);
  });
});
