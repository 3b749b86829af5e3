// Reading on more than one core: worker threads read and prefilter batches of files that the walk (on the main
// thread) hands them, while the main thread walks, hands out batches and reads a few files at a time itself. A worker
// is given batches once it says it is ready (it takes tens of milliseconds to start, while the main thread goes on
// alone), and then keeps two queued. The main thread looks for replies between its own files without waiting
// (receiveMessageOnPort), so a worker that finished a batch gets the next one at once, not after the main thread's
// turn of the event loop. Which thread read a file changes nothing: the scanner sorts what it reports.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ReadOptions } from './read-file.js';
import type { SourceItem } from './source.js';

/** What a worker is started with: `base` + a path is the file; `prefix` + the path is the path reported. */
export interface ReadWorkerData {
  base: string;
  prefix: string;
  read: ReadOptions;
  /** Where the worker says what it has to say. */
  replies: MessagePort;
}

/** What a worker says: that it has started, then the items of each batch, in the batch's order. */
export type ReadWorkerMessage = { ready: true } | { items: SourceItem[] };

const QUEUED = 2;

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER = new URL(`./read-worker.${FROM_SOURCES ? 'ts' : 'js'}`, import.meta.url);

function startWorker(data: ReadWorkerData): Worker {
  const options = { workerData: data, transferList: [data.replies] };
  if (!FROM_SOURCES) return new Worker(WORKER, options);
  // Run from the TypeScript sources (the tests do), the worker is TypeScript too: it goes through tsx, as the benches do.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

interface Reader {
  worker: Worker;
  replies: MessagePort;
  ready: boolean;
  queued: number;
}

export class ReadPool {
  private readonly readers: Reader[];
  private readonly replies: SourceItem[][] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(workers: number, data: Omit<ReadWorkerData, 'replies'>) {
    this.readers = Array.from({ length: workers }, () => {
      const { port1, port2 } = new MessageChannel();
      const reader: Reader = { worker: startWorker({ ...data, replies: port2 }), replies: port1, ready: false, queued: 0 };
      // Replies that arrive while the main thread waits come as events; the others are taken by receive().
      port1.on('message', (message: ReadWorkerMessage) => this.receive(reader, message));
      reader.worker.on('error', (err) => this.fail(err));
      reader.worker.on('exit', (code) => this.fail(new Error(`a reader thread stopped (exit code ${code})`)));
      return reader;
    });
  }

  /** Whether a worker has started and has room for another batch. */
  hasRoom(): boolean {
    this.poll();
    return this.readers.some((r) => r.ready && r.queued < QUEUED);
  }

  /** Gives the batch to the least busy worker that has room (call hasRoom first). */
  give(paths: string[]): void {
    let best: Reader | undefined;
    for (const r of this.readers) if (r.ready && r.queued < QUEUED && (best === undefined || r.queued < best.queued)) best = r;
    if (best === undefined) throw new Error('no reader thread has room');
    best.queued++;
    best.worker.postMessage(paths);
  }

  /** The replies that have arrived, without waiting. */
  take(): SourceItem[][] {
    this.poll();
    return this.replies.splice(0);
  }

  /** Waits for the next reply; undefined when every batch given out has been answered. */
  async next(): Promise<SourceItem[] | undefined> {
    this.poll();
    while (this.replies.length === 0 && this.readers.some((r) => r.queued > 0)) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
      this.check();
    }
    return this.replies.shift();
  }

  close(): void {
    for (const r of this.readers) {
      r.worker.removeAllListeners('exit');
      r.replies.close();
      void r.worker.terminate();
    }
  }

  private poll(): void {
    this.check();
    for (const r of this.readers) {
      for (let m = receiveMessageOnPort(r.replies); m; m = receiveMessageOnPort(r.replies)) this.receive(r, m.message as ReadWorkerMessage);
    }
  }

  private receive(reader: Reader, message: ReadWorkerMessage): void {
    if ('ready' in message) reader.ready = true;
    else {
      reader.queued--;
      this.replies.push(message.items);
    }
    this.wake?.();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake?.();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
