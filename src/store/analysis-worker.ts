// A worker thread of `marsad ingest`: loads the analyzer resources once, then analyses the articles it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { createWorkerAnalysis, threadMemory, type WorkerRequest, type WorkerResponse, type WorkerSetup } from './ingest-workers.js';

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('analysis-worker must run in a worker thread');
  const setup = workerData as WorkerSetup;
  const post = (message: WorkerResponse) => port.postMessage(message);
  try {
    const analysis = await createWorkerAnalysis(setup);
    port.on('message', (request: WorkerRequest) => {
      if ('memory' in request) {
        post({ kind: 'memory', seq: request.seq, usage: threadMemory() });
        return;
      }
      try {
        post({ kind: 'result', seq: request.seq, ...analysis.analyse(request.article) });
      } catch (error) {
        post({ kind: 'error', seq: request.seq, message: (error as Error)?.message ?? String(error) });
      }
    });
    post({ kind: 'ready' });
  } catch (error) {
    post({ kind: 'fatal', message: (error as Error)?.message ?? String(error), code: (error as { code?: string })?.code ?? 'E_RESOURCE' });
  }
}

await serve();
