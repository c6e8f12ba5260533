import { describe, expect, it } from 'vitest';
import { saveExport, saveFilterFor, withEnding } from '../../../../electron/export/save-export';
import { IPC_CHANNELS } from '../../../../shared/ipc/contract';
import { ExportSaveRequestSchema, MAX_EXPORT_BYTES } from '../../../../shared/ipc/export-schemas';

const bytes = new Uint8Array([1, 2, 3]);

function ports(chosen: string | null) {
  const writes: [string, Uint8Array][] = [];
  const asked: [string, unknown][] = [];
  return {
    writes,
    asked,
    ports: {
      chooseSavePath: (name: string, filter: unknown) => {
        asked.push([name, filter]);
        return Promise.resolve(chosen);
      },
      volume: {
        replaceAtomically: (path: string, data: Uint8Array) => {
          writes.push([path, data]);
          return Promise.resolve();
        },
      },
    },
  };
}

describe('saving an export (main process)', () => {
  it('writes atomically where the person chose and reports only the file name', async () => {
    const p = ports('/home/sam/Documents/board paper.pdf');
    const outcome = await saveExport({ suggestedName: 'plan.pdf', kind: 'pdf', bytes }, p.ports);
    expect(outcome).toEqual({ status: 'saved', name: 'board paper.pdf' });
    expect(p.writes).toEqual([['/home/sam/Documents/board paper.pdf', bytes]]);
    expect(p.asked).toEqual([['plan.pdf', { name: 'PDF document', extensions: ['pdf'] }]]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const p = ports(null);
    expect(await saveExport({ suggestedName: 'plan.pdf', kind: 'pdf', bytes }, p.ports)).toEqual({
      status: 'cancelled',
    });
    expect(p.writes).toEqual([]);
  });

  it('adds the ending when the person typed a name without it', () => {
    expect(withEnding('/tmp/plan', 'pdf')).toBe('/tmp/plan.pdf');
    expect(withEnding('/tmp/plan.PDF', 'pdf')).toBe('/tmp/plan.PDF');
    expect(withEnding('/tmp/plan', 'json')).toBe('/tmp/plan.json');
    expect(withEnding('/tmp/model', 'canvas')).toBe('/tmp/model.canvas');
    expect(saveFilterFor('png')).toEqual({ name: 'PNG picture', extensions: ['png'] });
  });

  it('passes a failed write on, so the renderer can say the file was not saved', async () => {
    const p = ports('/full/disk.pdf');
    p.ports.volume.replaceAtomically = () => Promise.reject(new Error('disk full'));
    await expect(saveExport({ suggestedName: 'plan.pdf', kind: 'pdf', bytes }, p.ports)).rejects.toThrow(
      'disk full',
    );
  });
});

describe('the export:save contract', () => {
  it('is an invoke channel', () => {
    expect(IPC_CHANNELS['export:save'].direction).toBe('invoke');
  });

  it('accepts a bare file name, a known kind and bytes', () => {
    expect(
      ExportSaveRequestSchema.safeParse({ suggestedName: 'gŵyl-plan.plan.json', kind: 'json', bytes })
        .success,
    ).toBe(true);
  });

  it.each([
    ['a path', { suggestedName: '../../.bashrc', kind: 'json', bytes }],
    ['a Windows path', { suggestedName: 'C:\\Windows\\x.pdf', kind: 'pdf', bytes }],
    ['a hidden file', { suggestedName: '.profile', kind: 'pdf', bytes }],
    ['control characters', { suggestedName: 'a\nb.pdf', kind: 'pdf', bytes }],
    ['an empty name', { suggestedName: '', kind: 'pdf', bytes }],
    ['an unknown kind', { suggestedName: 'x.exe', kind: 'exe', bytes }],
    ['bytes as an array', { suggestedName: 'x.pdf', kind: 'pdf', bytes: [1, 2] }],
    ['no bytes', { suggestedName: 'x.pdf', kind: 'pdf' }],
  ])('refuses %s', (_what, request) => {
    expect(ExportSaveRequestSchema.safeParse(request).success).toBe(false);
  });

  it('has a ceiling on size', () => {
    const huge = { byteLength: MAX_EXPORT_BYTES + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    expect(
      ExportSaveRequestSchema.safeParse({ suggestedName: 'x.png', kind: 'png', bytes: huge }).success,
    ).toBe(false);
  });
});
