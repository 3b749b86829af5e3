// The pre-commit framework reads .pre-commit-hooks.yaml from the repository root: a wrong key or entry breaks every
// user of the hook at install time, not here. Fields as documented at https://pre-commit.com/#new-hooks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../../..');
const DOCUMENTED = new Set([
  'id', 'name', 'entry', 'language', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'always_run', 'fail_fast', 'verbose',
  'pass_filenames', 'require_serial', 'description', 'language_version', 'minimum_pre_commit_version', 'args', 'stages',
]);

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  it('declares rampart-scan with only documented fields, running the package\'s own bin on the staged changes', () => {
    expect(hooks.map((h) => h.id)).toEqual(['rampart-scan']);
    const hook = hooks[0]!;
    for (const key of Object.keys(hook)) expect(DOCUMENTED).toContain(key);
    for (const key of ['id', 'name', 'entry', 'language']) expect(typeof hook[key]).toBe('string');
    const [bin, ...args] = String(hook.entry).split(' ');
    expect(Object.keys(pkg.bin)).toContain(bin);
    expect(args).toEqual(['scan', '--staged']);
    expect(hook).toMatchObject({ language: 'node', pass_filenames: false, stages: ['pre-commit'] });
    // `pre-commit` as a stage name needs pre-commit 3.2.0 or later.
    expect(hook.minimum_pre_commit_version).toBe('3.2.0');
  });
});
