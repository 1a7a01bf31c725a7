// A worker thread of `marsad ingest`: loads the analyzer resources once, then analyses the articles it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../engine/analyzer.js';
import { loadAnalyzerResources } from '../engine/resources.js';
import { analyseForStore, loadSearchAnalyzer, type WorkerRequest, type WorkerResponse, type WorkerSetup } from './ingest-workers.js';

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('analysis-worker must run in a worker thread');
  const setup = workerData as WorkerSetup;
  const post = (message: WorkerResponse) => port.postMessage(message);
  try {
    const resources = await loadAnalyzerResources(setup.resourcesDir, { ner: setup.ner, kbFiles: setup.kbFiles });
    const analyzer = createAnalyzer(resources);
    const search = loadSearchAnalyzer(setup.resourcesDir);
    port.on('message', (request: WorkerRequest) => {
      try {
        post({ kind: 'result', seq: request.seq, ...analyseForStore(analyzer, search, request.article) });
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
