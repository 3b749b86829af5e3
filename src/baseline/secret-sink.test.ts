import { chmod, mkdir, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { secretSink } from './secret-sink.js';

const CANARY = 'CANARY-password-Zq9!x';
let stateDir: string;
beforeEach(async () => {
  stateDir = join(await mkdtemp(join(tmpdir(), 'rampart-secrets-')), '.rampart');
});

describe('the secret sink', () => {
  it('writes the secret to a new 0600 file in a 0700 directory and returns only its path', async () => {
    const path = await secretSink(stateDir)('console-password-alice', CANARY);
    expect(path).toBe(join(stateDir, 'secrets', 'console-password-alice'));
    expect(path).not.toContain(CANARY);
    expect(await readFile(path, 'utf8')).toBe(`${CANARY}\n`);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(stateDir, 'secrets'))).mode & 0o777).toBe(0o700);
  });

  it('never overwrites: a second secret of the same name gets its own file', async () => {
    const sink = secretSink(stateDir);
    const first = await sink('console-password-alice', 'first-secret');
    const second = await sink('console-password-alice', 'second-secret');
    const third = await secretSink(stateDir)('console-password-alice', 'third-secret');
    expect(new Set([first, second, third]).size).toBe(3);
    expect(await readFile(first, 'utf8')).toBe('first-secret\n');
    expect(await readFile(second, 'utf8')).toBe('second-secret\n');
    expect(second).toBe(`${first}.2`);
    expect(third).toBe(`${first}.3`);
  });

  it('keeps names inside the secrets directory', async () => {
    const path = await secretSink(stateDir)('../../etc/passwd', 'x');
    expect(path.startsWith(join(stateDir, 'secrets'))).toBe(true);
    expect(await readdir(join(stateDir, 'secrets'))).toEqual(['_.._etc_passwd']);
  });

  it('tightens a secrets directory that someone loosened', async () => {
    await mkdir(join(stateDir, 'secrets'), { recursive: true });
    await chmod(join(stateDir, 'secrets'), 0o755);
    await secretSink(stateDir)('k', 'x');
    expect((await stat(join(stateDir, 'secrets'))).mode & 0o777).toBe(0o700);
  });
});
