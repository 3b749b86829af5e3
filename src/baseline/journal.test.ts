import { appendFile, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { interruptedSteps, openJournal, readJournal } from './journal.js';

let stateDir: string;
beforeEach(async () => {
  stateDir = join(await mkdtemp(join(tmpdir(), 'rampart-journal-')), '.rampart');
});

describe('the apply journal', () => {
  it('appends one JSON line per event in a private state directory that git ignores', async () => {
    const journal = await openJournal(stateDir, { now: () => new Date('2026-06-15T12:00:00Z') });
    await journal.append('password-policy', 'start', 'set it');
    await journal.append('password-policy', 'done', 'set 14 characters');
    expect(journal.path).toBe(join(stateDir, 'journal.jsonl'));
    const lines = (await readFile(journal.path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { time: '2026-06-15T12:00:00.000Z', run: journal.run, stepId: 'password-policy', event: 'start', detail: 'set it' },
      { time: '2026-06-15T12:00:00.000Z', run: journal.run, stepId: 'password-policy', event: 'done', detail: 'set 14 characters' },
    ]);
    expect((await stat(stateDir)).mode & 0o777).toBe(0o700);
    expect((await stat(journal.path)).mode & 0o777).toBe(0o600);
    expect(await readFile(join(stateDir, '.gitignore'), 'utf8')).toContain('*');
  });

  it('keeps what earlier runs wrote and tells which step a killed run was in', async () => {
    const first = await openJournal(stateDir);
    await first.append('a', 'start');
    await first.append('a', 'done');
    await first.append('b', 'start');
    // killed mid-write: a torn last line
    await appendFile(join(stateDir, 'journal.jsonl'), '{"time":"2026-');
    const entries = await readJournal(stateDir);
    expect(entries.map((e) => `${e.stepId}:${e.event}`)).toEqual(['a:start', 'a:done', 'b:start']);
    expect(interruptedSteps(entries)).toEqual(['b']);

    const second = await openJournal(stateDir);
    await second.append('b', 'start');
    await second.append('b', 'failed', 'AccessDenied');
    const all = await readJournal(stateDir);
    expect(all).toHaveLength(5);
    expect(interruptedSteps(all)).toEqual([]);
  });

  it('reads an absent journal as empty', async () => {
    expect(await readJournal(stateDir)).toEqual([]);
    expect(interruptedSteps([])).toEqual([]);
  });

  it('never stores something shaped like a secret key', async () => {
    const journal = await openJournal(stateDir);
    await journal.append('x', 'failed', 'echoed wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYabcd in an error');
    expect(await readFile(journal.path, 'utf8')).not.toContain('wJalrXUtnFEMI');
  });
});
