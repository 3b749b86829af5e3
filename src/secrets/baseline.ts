// The baseline file: findings a team has looked at and accepted, by fingerprint (rule + secret), so an accepted
// finding stays accepted when its line moves or its file is renamed. It holds no secret, only hashes and masks.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-write.js';
import { InputError } from '../util/errors.js';
import type { SecretFinding } from './types.js';

const entry = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex'),
  rule: z.string(),
  masked: z.string(),
  /** Where it was first accepted: for people reading the file; matching ignores it. */
  path: z.string(),
});
const baselineFile = z.strictObject({ version: z.literal(1), accepted: z.array(entry) });
export type Baseline = z.infer<typeof baselineFile>;

export async function loadBaseline(path: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`${path}: cannot read the baseline: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path}: not a baseline: invalid JSON (${(err as Error).message})`);
  }
  const parsed = baselineFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${path}: not a baseline: at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return new Set(parsed.data.accepted.map((e) => e.fingerprint));
}

/** Accepts every finding given (the CLI gives every current one, baseline or not): returns how many entries. */
export async function writeBaseline(path: string, findings: readonly SecretFinding[]): Promise<number> {
  const seen = new Map<string, Baseline['accepted'][number]>();
  for (const f of findings) {
    if (!seen.has(f.fingerprint)) seen.set(f.fingerprint, { fingerprint: f.fingerprint, rule: f.rule, masked: f.masked, path: f.location.path });
  }
  const accepted = [...seen.values()].sort((a, b) => (a.path + a.fingerprint < b.path + b.fingerprint ? -1 : 1));
  await writeFileAtomic(path, `${JSON.stringify({ version: 1, accepted } satisfies Baseline, null, 2)}\n`, { mode: 0o644 });
  return accepted.length;
}
