// A one-line spinner on stderr while collecting, only where a person is watching (a TTY).
export interface ProgressEvent {
  step: string;
  /** A regional step runs once per region: each run is its own line item. */
  region?: string;
  state: 'start' | 'done' | 'error';
}

export interface Progress {
  onProgress(event: ProgressEvent): void;
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return { onProgress: () => {}, stop: () => {} };
  const running = new Set<string>();
  let done = 0;
  let frame = 0;
  const draw = () => {
    const current = [...running].slice(0, 3).join(', ');
    stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} collecting${current ? `: ${current}` : ''} (${done} done)`);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    onProgress(event) {
      const key = event.region ? `${event.step} ${event.region}` : event.step;
      if (event.state === 'start') running.add(key);
      else {
        running.delete(key);
        done++;
      }
      draw();
    },
    stop() {
      clearInterval(timer);
      stream.write('\r\x1b[2K');
    },
  };
}
