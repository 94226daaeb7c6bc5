// A build worker thread: takes jobs ({ id, kind: 'session' | 'harness', name, opts }) from the
// main thread, builds each with its own asc and binaryen, and posts back the result.
import { parentPort } from 'node:worker_threads';
import { buildHarness } from './harness.mjs';
import { buildSession } from './session.mjs';

parentPort.on('message', async (job) => {
  if (job === null) {
    parentPort.close();
    return;
  }
  try {
    const result = job.kind === 'harness' ? await buildHarness(job.name) : await buildSession(job.name, job.opts);
    parentPort.postMessage({ id: job.id, result });
  } catch (e) {
    parentPort.postMessage({ id: job.id, result: { ok: false, name: job.name, error: String(e?.stack ?? e) } });
  }
});
