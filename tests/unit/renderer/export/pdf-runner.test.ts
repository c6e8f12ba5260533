import { describe, expect, it } from 'vitest';
import { ExportCancelled, runPdfJob, type WorkerLike } from '../../../../renderer/export/pdf-runner';
import type { PdfJob, PdfWorkerReply } from '../../../../renderer/export/pdf-protocol';

/** A worker stand-in the test answers for, recording what the runner did to it. */
function fakeWorker() {
  const sent: PdfJob[] = [];
  let terminated = 0;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (job) => void sent.push(job),
    terminate: () => void (terminated += 1),
  };
  return {
    worker,
    sent,
    terminated: () => terminated,
    reply: (message: PdfWorkerReply) => worker.onmessage?.({ data: message } as MessageEvent<PdfWorkerReply>),
    crash: (message: string) => worker.onerror?.({ message } as ErrorEvent),
  };
}

const job = {
  plan: {},
  board: {},
  fonts: { regular: new Uint8Array(1), bold: new Uint8Array(1) },
  framePages: true,
} as unknown as PdfJob;

describe('the PDF worker runner', () => {
  it('sends the job, resolves with the bytes and ends the worker', async () => {
    const fake = fakeWorker();
    const run = runPdfJob(job, () => fake.worker);
    expect(fake.sent).toEqual([job]);
    fake.reply({ type: 'done', bytes: new Uint8Array([37, 80, 68, 70]) });
    await expect(run.result).resolves.toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(fake.terminated()).toBe(1);
  });

  it('cancelling ends the worker at once and never delivers bytes that arrive later', async () => {
    const fake = fakeWorker();
    const run = runPdfJob(job, () => fake.worker);
    run.cancel();
    expect(fake.terminated()).toBe(1);
    fake.reply({ type: 'done', bytes: new Uint8Array([1]) });
    await expect(run.result).rejects.toBeInstanceOf(ExportCancelled);
    run.cancel();
    expect(fake.terminated()).toBe(1);
  });

  it('passes on the builder’s failure, and a crashed worker, as errors', async () => {
    const failing = fakeWorker();
    const a = runPdfJob(job, () => failing.worker);
    failing.reply({ type: 'failed', message: 'Unknown font format' });
    await expect(a.result).rejects.toThrow('Unknown font format');

    const crashing = fakeWorker();
    const b = runPdfJob(job, () => crashing.worker);
    crashing.crash('');
    await expect(b.result).rejects.toThrow('stopped unexpectedly');
    expect(crashing.terminated()).toBe(1);
  });
});
