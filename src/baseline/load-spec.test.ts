import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../util/errors.js';
import { defaultSpec, loadSpec, parseSpec, SpecNotFoundError } from './load-spec.js';
import { specSchema } from './spec.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/rampart.yaml');

/** The one line a spec fails with. */
function errorOf(text: string): string {
  try {
    parseSpec(text, 'rampart.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected the spec to be rejected');
}

describe('loadSpec', () => {
  it('loads the commented example, which sets every section', async () => {
    const spec = await loadSpec(EXAMPLE);
    expect(spec.alertEmails).toEqual(['security@example.com']);
    expect(spec.admins).toMatchObject({ group: 'admins', users: ['alice'] });
    expect(spec.accountAlias).toBe('example-corp');
    expect(spec.alternateContacts).toMatchObject({ security: { email: 'security@example.com' } });
    expect(spec.budget).toMatchObject({ amount: 20, actualAlerts: [50, 80, 100], forecastAlerts: [100] });
    // every key of the schema is shown in the example (set, or commented out with its default)
    const text = await readFile(EXAMPLE, 'utf8');
    for (const key of Object.keys(specSchema.shape)) expect(text, `examples/rampart.yaml shows ${key}`).toMatch(new RegExp(`^#? ?${key}:`, 'm'));
  });

  it('an empty file means the seeds defaults', () => {
    expect(parseSpec('', 'rampart.yaml')).toEqual(defaultSpec());
    expect(parseSpec('# nothing but a comment\n', 'rampart.yaml')).toEqual(defaultSpec());
    expect(defaultSpec().passwordPolicy).toMatchObject({ minimumLength: 14, passwordReusePrevention: 24, maxPasswordAge: 90 });
  });

  it('names the line and column of a misspelt key and suggests the right one', () => {
    expect(errorOf('version: 1\nbudget:\n  amont: 5\n')).toBe('rampart.yaml:3:3: budget.amont: unknown key (did you mean "amount"?)');
    expect(errorOf('budgett:\n  amount: 5\n')).toBe('rampart.yaml:1:1: budgett: unknown key (did you mean "budget"?)');
    expect(errorOf('cloudtrail:\n  zzzzzz: 1\n')).toMatch(/^rampart\.yaml:2:3: cloudtrail\.zzzzzz: unknown key \(known keys: name, bucket, /);
  });

  it('names a value of the wrong type, with what was there', () => {
    expect(errorOf('budget:\n  amount: ten\n')).toBe('rampart.yaml:2:11: budget.amount: expected a number, got "ten"');
    expect(errorOf('s3PublicAccessBlock: yes\n')).toBe('rampart.yaml:1:22: s3PublicAccessBlock: expected true or false, got "yes"');
    expect(errorOf('passwordPolicy:\n  minimumLength: 4.5\n')).toBe('rampart.yaml:2:18: passwordPolicy.minimumLength: expected a whole number, got 4.5');
    expect(errorOf('admins:\n  policy: Foo\n')).toBe('rampart.yaml:2:11: admins.policy: expected one of "AdministratorAccess", "IAMFullAccess", got "Foo"');
    expect(errorOf('cloudtrail: true\n')).toBe('rampart.yaml:1:13: cloudtrail: expected false or a mapping, got true (leave the key out to take the defaults)');
    expect(errorOf('alternateContacts:\n  security:\n    name: x\n')).toBe('rampart.yaml:3:5: alternateContacts.security.title: missing (expected a string)');
  });

  it('names a bad email by its index in the list', () => {
    expect(errorOf('alertEmails:\n  - ok@example.com\n  - not-an-email\n')).toBe('rampart.yaml:3:5: alertEmails[1]: expected an email address, got "not-an-email"');
    expect(errorOf('alertEmails: [ok@example.com, nope]\n')).toBe('rampart.yaml:1:31: alertEmails[1]: expected an email address, got "nope"');
  });

  it('reports the problem that comes first in the file', () => {
    expect(errorOf('budget:\n  amount: -1\nalertEmails: [x]\n')).toBe('rampart.yaml:2:11: budget.amount: expected a number greater than 0, got -1');
  });

  it('turns YAML syntax errors into one line with the position', () => {
    expect(errorOf('budget:\n  amount: [1\nfoo: 2\n')).toMatch(/^rampart\.yaml:\d+:\d+: invalid YAML: /);
    expect(errorOf('a: 1\na: 2\n')).toBe('rampart.yaml:2:1: invalid YAML: map keys must be unique');
    expect(errorOf('- 1\n- 2\n')).toBe('rampart.yaml:1:1: expected a mapping of settings (see examples/rampart.yaml)');
  });

  it('a missing file is a SpecNotFoundError naming it (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rampart-spec-'));
    const missing = join(dir, 'rampart.yaml');
    const err = await loadSpec(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecNotFoundError);
    expect((err as InputError).exitCode).toBe(2);
    expect((err as Error).message).toBe(`${missing}: no such file`);
    await expect(loadSpec(dir)).rejects.toThrow(`${dir}: cannot read the spec: it is a directory`);
    await writeFile(missing, 'budget:\n  amont: 5\n');
    await expect(loadSpec(missing)).rejects.toThrow(`${missing}:2:3: budget.amont: unknown key`);
  });
});
