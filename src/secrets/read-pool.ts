// Reading on more than one core: worker threads read and prefilter batches of files that the walk (on the main
// thread) hands them, while the main thread walks and reads batches of its own. Each worker keeps two batches queued,
// so it never waits for the walk. Which thread read a file changes nothing: the scanner sorts what it reports.
import { Worker } from 'node:worker_threads';
import type { ReadOptions } from './read-file.js';
import type { SourceItem } from './source.js';

/** What a worker is started with: `base` + a path is the file; `prefix` + the path is the path reported. */
export interface ReadWorkerData {
  base: string;
  prefix: string;
  read: ReadOptions;
}

const QUEUED = 2;

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER = new URL(`./read-worker.${FROM_SOURCES ? 'ts' : 'js'}`, import.meta.url);

function startWorker(data: ReadWorkerData): Worker {
  if (!FROM_SOURCES) return new Worker(WORKER, { workerData: data });
  // Run from the TypeScript sources (the tests do), the worker is TypeScript too: it goes through tsx, as the benches do.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

interface Reader {
  worker: Worker;
  queued: number;
}

export class ReadPool {
  private readonly readers: Reader[];
  private readonly replies: SourceItem[][] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(workers: number, data: ReadWorkerData) {
    this.readers = Array.from({ length: workers }, () => {
      const reader: Reader = { worker: startWorker(data), queued: 0 };
      reader.worker.on('message', (items: SourceItem[]) => {
        reader.queued--;
        this.replies.push(items);
        this.wake?.();
      });
      reader.worker.on('error', (err) => this.fail(err));
      reader.worker.on('exit', (code) => this.fail(new Error(`a reader thread stopped (exit code ${code})`)));
      return reader;
    });
  }

  /** Gives the batch to the least busy worker, or returns false when every worker has enough queued. */
  offer(paths: string[]): boolean {
    let best: Reader | undefined;
    for (const r of this.readers) if (r.queued < QUEUED && (best === undefined || r.queued < best.queued)) best = r;
    if (best === undefined) return false;
    best.queued++;
    best.worker.postMessage(paths);
    return true;
  }

  /** The replies that have arrived (they arrive between turns of the event loop), without waiting. */
  take(): SourceItem[][] {
    this.check();
    return this.replies.splice(0);
  }

  /** Waits for the next reply; undefined when every batch given out has been answered. */
  async next(): Promise<SourceItem[] | undefined> {
    while (this.replies.length === 0 && this.readers.some((r) => r.queued > 0)) {
      this.check();
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    this.check();
    return this.replies.shift();
  }

  close(): void {
    for (const r of this.readers) {
      r.worker.removeAllListeners('exit');
      void r.worker.terminate();
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake?.();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
