import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshot } from '../../test/fixtures/snapshot.js';
import { InputError } from '../util/errors.js';
import { loadSnapshot, parseSnapshot } from './load.js';

const good = JSON.stringify(snapshot());

describe('loading a snapshot', () => {
  it('round-trips a valid snapshot', () => {
    expect(parseSnapshot(good, 'a.json').account.id).toBe('123456789012');
  });

  it.each([
    ['truncated JSON', good.slice(0, good.length / 2), /a\.json: not a rampart snapshot: invalid JSON/],
    ['a JSON array', '[]', /expected a JSON object/],
    ['a foreign JSON file', '{"Version":"2012-10-17","Statement":[]}', /"kind" is missing, expected "rampart-snapshot"/],
    ['a future schema version', good.replace('"schemaVersion":1', '"schemaVersion":99'), /schema version 99 is not supported/],
    ['a bad account id', good.replace('"123456789012"', '"12345"'), /invalid snapshot: account\.id: expected a 12-digit account id/],
    ['a bad date deep inside', JSON.stringify({ ...snapshot(), iam: { ...snapshot().iam, credentialReport: { generatedAt: 'yesterday', rows: [] } } }), /iam\.credentialReport\.generatedAt: expected an ISO-8601 date/],
  ])('rejects %s with one clear line', (_name, text, message) => {
    let caught: unknown;
    try {
      parseSnapshot(text, 'a.json');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain('\n');
  });

  it('names a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rampart-'));
    await expect(loadSnapshot(join(dir, 'nope.json'))).rejects.toThrow(/nope\.json: cannot read the snapshot: no such file/);
    await writeFile(join(dir, 'ok.json'), good);
    await expect(loadSnapshot(join(dir, 'ok.json'))).resolves.toMatchObject({ schemaVersion: 1 });
  });
});
