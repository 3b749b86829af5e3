// The answers `rampart init` asks for, validated one by one, and the rampart.yaml they make: only what the person
// chose is written; every other key takes the seeds' default when the spec is loaded.
import { stringify } from 'yaml';
import { parseSpec } from '../load-spec.js';
import type { BaselineSpec } from '../spec.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** The seeds' defaults for the questions. */
export const INIT_DEFAULTS = { budgetAmount: 20, adminUser: 'admin' } as const;

export interface InitAnswers {
  alertEmails: string[];
  budgetAmount: number;
  /** The daily admin user to create; null when the caller already is one. */
  adminUser: string | null;
  /** null: every enabled region. */
  regions: string[] | null;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const USER = /^[\w+=,.@-]{1,64}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

const items = (input: string): string[] => input.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/** One or more addresses, separated by commas or spaces. */
export function parseEmails(input: string): Parsed<string[]> {
  const emails = items(input);
  if (!emails.length) return bad('expected at least one email address');
  const wrong = emails.find((e) => !EMAIL.test(e));
  return wrong ? bad(`"${wrong}" is not an email address`) : ok([...new Set(emails)]);
}

/** A positive amount; empty means the default. */
export function parseAmount(input: string): Parsed<number> {
  const text = input.trim().replace(/^\$/, '');
  if (!text) return ok(INIT_DEFAULTS.budgetAmount);
  const n = Number(text);
  if (!/^\d+(\.\d{1,2})?$/.test(text) || !(n > 0)) return bad(`"${input.trim()}" is not an amount (a positive number such as 20)`);
  return ok(n);
}

export function parseUserName(input: string): Parsed<string> {
  const name = input.trim() || INIT_DEFAULTS.adminUser;
  return USER.test(name) ? ok(name) : bad(`"${name}" is not an IAM user name (1-64 letters, digits and +=,.@_-)`);
}

/** "all" or empty: every enabled region (null); else a list, each enabled for the account when that is known. */
export function parseRegions(input: string, enabled: readonly string[] | undefined): Parsed<string[] | null> {
  const text = input.trim();
  if (!text || text.toLowerCase() === 'all') return ok(null);
  const regions = [...new Set(items(text))];
  const malformed = regions.find((r) => !REGION.test(r));
  if (malformed) return bad(`"${malformed}" is not a region name (such as us-east-1)`);
  const notEnabled = enabled?.length ? regions.find((r) => !enabled.includes(r)) : undefined;
  if (notEnabled) return bad(`${notEnabled} is not enabled for this account (enabled: ${enabled!.join(', ')})`);
  return ok(regions);
}

/** rampart.yaml from the answers; validated by the same parser that loads it. */
export function specYaml(answers: InitAnswers): { text: string; spec: BaselineSpec } {
  const data: Record<string, unknown> = { version: 1 };
  if (answers.regions) data.regions = answers.regions;
  data.alertEmails = answers.alertEmails;
  data.budget = { amount: answers.budgetAmount };
  if (answers.adminUser) data.admins = { users: [answers.adminUser] };
  const header = [
    '# rampart.yaml, written by `rampart init`: the desired state of this account.',
    "# Every key that is not here takes the seeds' default (see examples/rampart.yaml); run `rampart plan` after editing.",
    '',
  ].join('\n');
  const text = header + stringify(data);
  return { text, spec: parseSpec(text, 'rampart.yaml') };
}
