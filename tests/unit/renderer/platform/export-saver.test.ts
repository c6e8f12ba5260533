import { describe, expect, it } from 'vitest';
import type { DesktopApi, IpcResult } from '../../../../shared/ipc/contract';
import type { ExportSaveOutcome, ExportSaveRequest } from '../../../../shared/ipc/export-schemas';
import { downloadExport, exportSaverFor } from '../../../../renderer/platform/export';

const file = {
  suggestedName: 'plan.pdf',
  kind: 'pdf' as const,
  mime: 'application/pdf',
  bytes: new Uint8Array([1]),
};

function desktopAnswering(answer: IpcResult<ExportSaveOutcome> | Error) {
  const sent: ExportSaveRequest[] = [];
  const desktop = {
    saveExport: (request: ExportSaveRequest) => {
      sent.push(request);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  } as unknown as DesktopApi;
  return { desktop, sent };
}

describe('saving an export from the renderer', () => {
  it('on the desktop, asks main (name, kind and bytes; never a path) and reports what it did', async () => {
    const { desktop, sent } = desktopAnswering({
      ok: true,
      value: { status: 'saved', name: 'board paper.pdf' },
    });
    const save = exportSaverFor({ kind: 'desktop' }, desktop);
    expect(await save(file)).toEqual({ status: 'saved', name: 'board paper.pdf', where: 'chosen' });
    expect(sent).toEqual([{ suggestedName: 'plan.pdf', kind: 'pdf', bytes: file.bytes }]);
  });

  it('passes on a cancelled dialog, and turns a refusal or a broken bridge into a sentence', async () => {
    expect(
      await exportSaverFor(
        { kind: 'desktop' },
        desktopAnswering({ ok: true, value: { status: 'cancelled' } }).desktop,
      )(file),
    ).toEqual({
      status: 'cancelled',
    });
    const refused = await exportSaverFor(
      { kind: 'desktop' },
      desktopAnswering({ ok: false, error: { code: 'failed', message: 'The disk is full.' } }).desktop,
    )(file);
    expect(refused).toEqual({ status: 'failed', message: 'The file could not be saved. The disk is full.' });
    const broken = await exportSaverFor(
      { kind: 'desktop' },
      desktopAnswering(new Error('bridge gone')).desktop,
    )(file);
    expect(broken).toMatchObject({ status: 'failed' });
  });

  it('downloads in a browser, and on a desktop whose preload predates export:save', () => {
    expect(exportSaverFor({ kind: 'browser' }, undefined)).toBe(downloadExport);
    expect(exportSaverFor({ kind: 'desktop' }, {} as DesktopApi)).toBe(downloadExport);
  });
});
