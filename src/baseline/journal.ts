// The apply journal: .rampart/journal.jsonl, one JSON line per step event, fsync'd before the step goes on, so an
// apply killed at any point leaves a record of how far it got. The next apply re-plans from the account itself (each
// step is idempotent); the journal says what happened, and which step a killed run was in the middle of.
import { randomBytes } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { redactSecrets } from '../aws/errors.js';
import { ensureStateDir } from './state-dir.js';

export type JournalEvent = 'start' | 'done' | 'failed' | 'refused' | 'skipped';

export interface JournalEntry {
  time: string;
  /** One apply: the entries of a run share it. */
  run: string;
  stepId: string;
  event: JournalEvent;
  detail: string;
}

export interface Journal {
  readonly path: string;
  readonly run: string;
  append(stepId: string, event: JournalEvent, detail?: string): Promise<void>;
}

export const JOURNAL_FILE = 'journal.jsonl';

export async function openJournal(stateDir: string, options: { now?: () => Date } = {}): Promise<Journal> {
  await ensureStateDir(stateDir);
  const path = join(stateDir, JOURNAL_FILE);
  const now = options.now ?? (() => new Date());
  const run = `${now().toISOString()}-${randomBytes(3).toString('hex')}`;
  await endTornLine(path);
  return {
    path,
    run,
    async append(stepId, event, detail = '') {
      // Details are step results and error messages: no secret belongs there, and none may slip in.
      const entry: JournalEntry = { time: now().toISOString(), run, stepId, event, detail: redactSecrets(detail) };
      const fh = await open(path, 'a', 0o600);
      try {
        await fh.write(`${JSON.stringify(entry)}\n`);
        await fh.sync();
      } finally {
        await fh.close();
      }
    },
  };
}

/** A run killed mid-write leaves a line without its newline: end it, or the next entry would be glued to it. */
async function endTornLine(path: string): Promise<void> {
  const fh = await open(path, 'a+', 0o600);
  try {
    const { size } = await fh.stat();
    if (size === 0) return;
    const last = Buffer.alloc(1);
    await fh.read(last, 0, 1, size - 1);
    if (last[0] !== 0x0a) {
      await fh.write('\n');
      await fh.sync();
    }
  } finally {
    await fh.close();
  }
}

/** Every entry so far; a last line torn by a kill mid-write is left out. */
export async function readJournal(stateDir: string): Promise<JournalEntry[]> {
  const text = await readFile(join(stateDir, JOURNAL_FILE), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      /* torn line */
    }
  }
  return entries;
}

/** The steps the last run started and never finished: it was killed (or crashed) in them. */
export function interruptedSteps(entries: readonly JournalEntry[]): string[] {
  const last = entries.at(-1)?.run;
  if (last === undefined) return [];
  const open = new Set<string>();
  for (const e of entries) {
    if (e.run !== last) continue;
    if (e.event === 'start') open.add(e.stepId);
    else open.delete(e.stepId);
  }
  return [...open];
}
