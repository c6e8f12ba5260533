/** WorkshopManager.createFromState: a joined live session's workshop saved as the joiner's own file. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_JOINED_STATE_BYTES } from '../../../../shared/ipc/workshop-schemas';
import { addNote, cardTexts, opened, rendererDoc, withHarness } from './workshop-harness';
import { sampleDoc } from '../../shared/storage/helpers';

const UNREADABLE = 'The workshop could not be saved: what arrived from the session could not be read.';

function sessionState(title = 'Homecare plan'): Uint8Array {
  const doc = sampleDoc(title);
  addNote(doc, 'Arrived from the host');
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

describe('a joined workshop saved from its state', () => {
  it('becomes a file in the workshops folder, named after the title, holding exactly that state', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.createFromState(window, sessionState(), 'Homecare plan'));
      expect(workshop.name).toBe('Homecare plan');
      expect(workshop.readOnlyReason).toBeNull();
      expect((await stat(join(h.workshopsFolder, 'Homecare plan.dreamboard'))).isFile()).toBe(true);
      expect(cardTexts(workshop.state)).toEqual(cardTexts(sessionState()));
      expect(h.windows.shown.get(window)?.name).toBe('Homecare plan');

      // It autosaves like any other workshop.
      const doc = rendererDoc(workshop, (u) => h.manager.record(window, workshop.handle, u));
      addNote(doc, 'Added after joining');
      expect(await h.manager.close(window, workshop.handle)).toEqual({ kind: 'closed' });
      h.dialogAnswers.open = join(h.workshopsFolder, 'Homecare plan.dreamboard');
      const again = opened(await h.manager.openDialog(window));
      expect(cardTexts(again.state)).toContain('Added after joining');
      expect(cardTexts(again.state)).toContain('Arrived from the host');
      await h.manager.closeAll();
    }));

  it('numbers a taken name, and names a blank title "Live workshop"', () =>
    withHarness(async (h) => {
      const names: string[] = [];
      for (const title of ['Plan', 'Plan', '   ', ''])
        names.push(
          opened(await h.manager.createFromState(h.windows.openWindow(), sessionState(), title)).name,
        );
      expect(names).toEqual(['Plan', 'Plan 2', 'Live workshop', 'Live workshop 2']);
      await h.manager.closeAll();
    }));

  it('makes a usable file name from any title, as New does', () =>
    withHarness(async (h) => {
      const workshop = opened(
        await h.manager.createFromState(h.windows.openWindow(), sessionState(), 'A/B: plan?'),
      );
      expect(workshop.name).toBe('A B plan');
      await h.manager.closeAll();
    }));

  it.each([
    ['bytes Yjs cannot read', new Uint8Array([255, 255, 255, 255, 1])],
    ['nothing at all', new Uint8Array(0)],
  ])('refuses %s in plain words and leaves no file behind', (_case, state) =>
    withHarness(async (h) => {
      const outcome = await h.manager.createFromState(h.windows.openWindow(), state, 'Plan');
      expect(outcome).toEqual({ kind: 'problem', problem: { code: 'damaged', message: UNREADABLE } });
      expect(await readdir(h.workshopsFolder).catch(() => [])).toEqual([]);
      expect(h.recentChanges).toEqual([]);
    }),
  );

  it('refuses a state over 32 MiB before reading it', () =>
    withHarness(async (h) => {
      const outcome = await h.manager.createFromState(
        h.windows.openWindow(),
        new Uint8Array(MAX_JOINED_STATE_BYTES + 1),
        'Plan',
      );
      expect(outcome).toEqual({ kind: 'problem', problem: { code: 'too-large', message: UNREADABLE } });
      expect(await readdir(h.workshopsFolder).catch(() => [])).toEqual([]);
    }));
});
