// A reader thread of the pool (read-pool.ts): reads each batch of paths it is given and answers with their items.
import { parentPort, workerData } from 'node:worker_threads';
import { FileReader } from './read-file.js';
import type { ReadWorkerData, ReadWorkerMessage } from './read-pool.js';

const { base, prefix, read, replies } = workerData as ReadWorkerData;
const reader = new FileReader(read);
const say = (message: ReadWorkerMessage) => replies.postMessage(message);
parentPort!.on('message', (paths: string[]) => say({ items: paths.map((rel) => reader.read(base + rel, prefix + rel)) }));
say({ ready: true });
