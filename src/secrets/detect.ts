// The detector: every AWS credential in one text, in one pass of one combined regex (after a cheaper pass that
// answers "nothing here" for most files). Context rules keep documentation examples, placeholders, git hashes and
// lower-case lookalikes out.
import { accountIdOf } from './key-id.js';
import { fingerprint, mask } from './mask.js';
import type { Detect, SecretFinding, SecretKind } from './types.js';

export const RULES = {
  'aws-access-key-id': 'access-key-id',
  'aws-secret-access-key': 'secret-access-key',
  'aws-session-token': 'session-token',
  'aws-bedrock-api-key': 'bedrock-api-key',
} as const satisfies Record<string, SecretKind>;
export type RuleId = keyof typeof RULES;

/** A secret and a key id pair when they are this many lines apart or fewer. */
export const PAIR_LINES = 5;

/** Bits per character a 40-character secret must reach: random base64 is near 4.8; hex (git hashes) at most 4. */
const SECRET_ENTROPY_FLOOR = 4.2;
const TOKEN_ENTROPY_FLOOR = 4.5;

// Every finding starts with a key id prefix, a Bedrock prefix or sits behind a secret-like name, so a text without
// any of those has none (most files). indexOf runs at memory speed where a regex alternation crawls; session tokens
// are looked for only in texts that pass (a token is useless without its id and secret, which pass it).
const ID_SECOND = new Set([...'BCGIKNPRS'].map((c) => c.charCodeAt(0)));
const ID_HEADS = new Set(['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'APKA', 'ABSK']);
// Node's search skips ahead to the needle's first character, so a rare first character is fast: `cret` and `CRET`
// (secret, Secret, SECRET) run 2-5x faster than `secret` would.
const NAMES = ['cret', 'CRET', 'bedrock-api-key-'];

/** False when `text` cannot hold a finding; true when it may. prefilter.wat answers the same over a file's bytes. */
export function mayHoldSecret(text: string): boolean {
  for (let i = text.indexOf('A'); i >= 0; i = text.indexOf('A', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c === 0x33 ? text.charCodeAt(i + 2) === 0x54 : ID_SECOND.has(c) && ID_HEADS.has(text.slice(i, i + 4))) return true;
  }
  return NAMES.some((n) => text.includes(n));
}

const ASSIGN = String.raw`["'\]]?\s*(?:=>|:=|=|:)\s*["']?`;
const MAIN = new RegExp(
  [
    String.raw`(?<id>(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16})`,
    String.raw`(?:[Ss]ecret|SECRET)[A-Za-z0-9_.-]{0,30}${ASSIGN}(?<named>[A-Za-z0-9/+]{40})`,
    String.raw`(?:[Ss]ession|SESSION|[Ss]ecurity|SECURITY)[_-]?(?:[Tt]oken|TOKEN)${ASSIGN}(?<token>[A-Za-z0-9/+]{100,}={0,2})`,
    String.raw`(?<bedrock>ABSK[A-Za-z0-9+/]{32,}={0,2}|bedrock-api-key-[A-Za-z0-9+/]{40,}={0,2})`,
  ].join('|'),
  'g',
);
const BARE_SECRET = /[A-Za-z0-9/+]{40}/g;

const ALNUM = /[A-Za-z0-9]/;
const B64 = /[A-Za-z0-9/+=]/;

interface Hit {
  rule: RuleId;
  secret: string;
  offset: number;
}

export const detectSecrets: Detect = (text, path) => {
  if (!mayHoldSecret(text)) return [];
  const hits: Hit[] = [];
  for (const m of text.matchAll(MAIN)) {
    const g = m.groups!;
    const value = g.id ?? g.named ?? g.token ?? g.bedrock!;
    const offset = m.index + m[0].length - value.length;
    const rule: RuleId = g.id ? 'aws-access-key-id' : g.named ? 'aws-secret-access-key' : g.token ? 'aws-session-token' : 'aws-bedrock-api-key';
    if (accepted(rule, value, text, offset)) hits.push({ rule, secret: value, offset });
  }
  if (hits.length === 0) return [];
  return toFindings(withBareSecrets(hits, text), text, path);
};

function accepted(rule: RuleId, value: string, text: string, offset: number): boolean {
  if (/EXAMPLE/i.test(value) || value.includes('XXXX')) return false;
  const before = text[offset - 1] ?? ' ';
  const after = text[offset + value.length] ?? ' ';
  switch (rule) {
    case 'aws-access-key-id':
      // Inside a longer run of letters and digits it is some other token (a hash, a base64 blob).
      return !ALNUM.test(before) && !ALNUM.test(after) && new Set(value.slice(4)).size >= 6;
    case 'aws-secret-access-key':
      return !B64.test(after) && isSecretLike(value);
    case 'aws-session-token':
      return entropy(value) >= TOKEN_ENTROPY_FLOOR;
    case 'aws-bedrock-api-key':
      return (value.startsWith('ABSK') ? !ALNUM.test(before) : true) && !B64.test(after) && entropy(value.slice(4)) >= 4;
  }
}

function isSecretLike(value: string): boolean {
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return false;
  return entropy(value) >= SECRET_ENTROPY_FLOOR;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/**
 * A secret access key with no telling name is still one when it sits near a key id: look for 40-character runs
 * within PAIR_LINES lines of each id. Only files with an id pay for this.
 */
function withBareSecrets(hits: Hit[], text: string): Hit[] {
  const ids = hits.filter((h) => h.rule === 'aws-access-key-id');
  if (ids.length === 0) return hits;
  const known = new Set(hits.map((h) => h.offset));
  const extra: Hit[] = [];
  for (const id of ids) {
    const [start, end] = lineWindow(text, id.offset, PAIR_LINES);
    // On the window alone: a search from `start` over the whole text would run to its end when nothing is near.
    const window = text.slice(start, end);
    for (const m of window.matchAll(BARE_SECRET)) {
      const at = start + m.index;
      const before = text[at - 1] ?? ' ';
      const after = text[at + 40] ?? ' ';
      if (B64.test(before) || B64.test(after) || known.has(at)) continue;
      if (/EXAMPLE/i.test(m[0]) || !isSecretLike(m[0])) continue;
      known.add(at);
      extra.push({ rule: 'aws-secret-access-key', secret: m[0], offset: at });
    }
  }
  return extra.length === 0 ? hits : [...hits, ...extra].sort((a, b) => a.offset - b.offset);
}

/** Offsets of the start of the line `lines` above `offset` and the end of the line `lines` below it. */
function lineWindow(text: string, offset: number, lines: number): [number, number] {
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  for (let i = 0; i < lines && start > 0; i++) start = text.lastIndexOf('\n', start - 2) + 1;
  let end = offset;
  for (let i = 0; i <= lines && end < text.length; i++) {
    const nl = text.indexOf('\n', i === 0 ? end : end + 1);
    end = nl < 0 ? text.length : nl;
  }
  return [start, end];
}

function toFindings(hits: Hit[], text: string, path: string): SecretFinding[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const placed = hits.map((h) => {
    const line = lineOf(h.offset);
    return { ...h, secret: detached(h.secret), line, column: h.offset - lineStarts[line]! + 1, fingerprint: fingerprint(h.rule, h.secret) };
  });
  const ids = placed.filter((h) => h.rule === 'aws-access-key-id');
  const nearestId = (h: (typeof placed)[number]) => {
    let best: (typeof placed)[number] | undefined;
    for (const id of ids) {
      const d = Math.abs(id.line - h.line);
      if (d <= PAIR_LINES && (best === undefined || d < Math.abs(best.line - h.line))) best = id;
    }
    return best;
  };
  // Each secret takes its nearest id; the id points back at the nearest of the secrets that took it.
  const secretFor = new Map<string, (typeof placed)[number]>();
  const idOf = new Map<(typeof placed)[number], (typeof placed)[number]>();
  for (const h of placed) {
    if (h.rule === 'aws-access-key-id') continue;
    const id = h.rule === 'aws-bedrock-api-key' ? undefined : nearestId(h);
    if (!id) continue;
    idOf.set(h, id);
    if (h.rule !== 'aws-secret-access-key') continue;
    const prev = secretFor.get(id.fingerprint);
    if (!prev || Math.abs(h.line - id.line) < Math.abs(prev.line - id.line)) secretFor.set(id.fingerprint, h);
  }
  return placed.map((h): SecretFinding => {
    const id = h.rule === 'aws-access-key-id' ? h : idOf.get(h);
    const pair =
      h.rule === 'aws-access-key-id' ? secretFor.get(h.fingerprint) : id && secretFor.get(id.fingerprint) === h ? id : undefined;
    const accountId = id ? accountIdOf(id.secret) : undefined;
    return {
      rule: h.rule,
      kind: RULES[h.rule],
      secret: h.secret,
      masked: mask(h.secret),
      ...(id ? { accessKeyId: id.secret } : {}),
      ...(accountId ? { accountId } : {}),
      ...(pair ? { pairedWith: pair.fingerprint } : {}),
      fingerprint: h.fingerprint,
      location: { path, line: h.line + 1, column: h.column },
    };
  });
}

/**
 * The same characters in a string of their own. A regex match is a slice of the text it was found in and keeps all of
 * it alive: a finding would hold its whole file for as long as the report lives (measured: 5 KB per finding).
 */
function detached(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
