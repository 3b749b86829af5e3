// A reader thread of the pool (read-pool.ts): reads each batch of paths it is given and answers with their items.
import { parentPort, workerData } from 'node:worker_threads';
import { FileReader } from './read-file.js';
import type { ReadWorkerData } from './read-pool.js';

const { base, prefix, read } = workerData as ReadWorkerData;
const reader = new FileReader(read);
parentPort!.on('message', (paths: string[]) => {
  parentPort!.postMessage(paths.map((rel) => reader.read(base + rel, prefix + rel)));
});
