// The AWS shared files as lines, so rampart can change one profile and give back every other byte the user wrote:
// comments, order, spacing, other profiles. Values are read with the SDK's own parser (load.ts); this model is
// for checking the structure (the SDK silently skips lines it does not understand) and for writing.
import { InputError } from '../util/errors.js';

type Line =
  | { kind: 'blank' | 'comment'; raw: string }
  | { kind: 'section'; raw: string; name: string }
  | { kind: 'key'; raw: string; key: string }
  | { kind: 'continuation'; raw: string };

export interface IniDocument {
  readonly file: string;
  lines: Line[];
  /** The file's line ending, kept on write. */
  readonly eol: '\n' | '\r\n';
}

const SECTION = /^\s*\[\s*([^\]]*?)\s*\]\s*(?:[;#].*)?$/;
const KEY = /^([^=\s[][^=]*?)\s*=(.*)$/;

/**
 * Parses `text` strictly: every line must be blank, a comment, a `[section]`, `key = value`, or an indented
 * continuation of a key. The error names the file and line and never quotes the line (it may hold a secret).
 */
export function parseIni(text: string, file: string): IniDocument {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const raws = text.split(/\r?\n/);
  if (raws.at(-1) === '') raws.pop();
  const lines: Line[] = [];
  let inSection = false;
  let lastWasKey = false;
  raws.forEach((raw, i) => {
    const where = `${file}:${i + 1}`;
    const trimmed = raw.trim();
    if (trimmed === '') return void lines.push({ kind: 'blank', raw });
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) return void lines.push({ kind: 'comment', raw });
    if (trimmed.startsWith('[')) {
      const m = SECTION.exec(raw);
      if (!m) throw new InputError(`${where}: malformed section header: expected [name]`);
      if (!m[1]) throw new InputError(`${where}: empty section name`);
      inSection = true;
      lastWasKey = false;
      return void lines.push({ kind: 'section', raw, name: m[1].replace(/\s+/g, ' ') });
    }
    // An indented line after a key is a continuation (nested `s3 =` settings in the config file).
    if (/^\s/.test(raw) && lastWasKey) return void lines.push({ kind: 'continuation', raw });
    const m = KEY.exec(trimmed);
    if (!m) throw new InputError(`${where}: expected "key = value", a [section] header or a comment`);
    if (!inSection) throw new InputError(`${where}: a setting before any [section] header`);
    lastWasKey = true;
    lines.push({ kind: 'key', raw, key: m[1]!.trim() });
  });
  return { file, lines, eol };
}

export function serializeIni(doc: IniDocument): string {
  return doc.lines.length ? doc.lines.map((l) => l.raw).join(doc.eol) + doc.eol : '';
}

export function sectionNames(doc: IniDocument): string[] {
  return doc.lines.flatMap((l) => (l.kind === 'section' ? [l.name] : []));
}

/** [start, end): the header's index and the index after the section's last key or continuation. */
function sectionRange(doc: IniDocument, name: string): [number, number] | undefined {
  const start = doc.lines.findIndex((l) => l.kind === 'section' && l.name === name);
  if (start < 0) return undefined;
  let end = start + 1;
  for (let i = start + 1; i < doc.lines.length; i++) {
    const line = doc.lines[i]!;
    if (line.kind === 'section') break;
    if (line.kind === 'key' || line.kind === 'continuation') end = i + 1;
  }
  return [start, end];
}

/** The values of the section's simple keys (what rampart writes; the SDK's parser is the reader of record). */
export function sectionValues(doc: IniDocument, name: string): Record<string, string> {
  const range = sectionRange(doc, name);
  if (!range) return {};
  const values: Record<string, string> = {};
  for (const line of doc.lines.slice(range[0] + 1, range[1])) {
    if (line.kind === 'key') values[line.key] = line.raw.slice(line.raw.indexOf('=') + 1).trim();
  }
  return values;
}

/**
 * Sets keys of a section (creating it at the end when absent): existing keys change in place, new ones follow the
 * section's last key, `undefined` removes a key with its continuation lines. Everything else is left as it was.
 */
export function setSection(doc: IniDocument, name: string, values: Record<string, string | undefined>): void {
  let range = sectionRange(doc, name);
  if (!range) {
    if (doc.lines.length && doc.lines.at(-1)!.kind !== 'blank') doc.lines.push({ kind: 'blank', raw: '' });
    doc.lines.push({ kind: 'section', raw: `[${name}]`, name });
    range = [doc.lines.length - 1, doc.lines.length];
  }
  const [start] = range;
  let end = range[1];
  const pending = new Map(Object.entries(values));
  for (let i = start + 1; i < end; i++) {
    const line = doc.lines[i]!;
    if (line.kind !== 'key' || !pending.has(line.key)) continue;
    const value = pending.get(line.key);
    pending.delete(line.key);
    if (value === undefined) {
      let n = 1;
      while (doc.lines[i + n]?.kind === 'continuation') n++;
      doc.lines.splice(i, n);
      end -= n;
      i--;
    } else {
      doc.lines[i] = { kind: 'key', raw: `${line.key} = ${value}`, key: line.key };
    }
  }
  const added: Line[] = [...pending].flatMap(([key, value]) => (value === undefined ? [] : [{ kind: 'key' as const, raw: `${key} = ${value}`, key }]));
  doc.lines.splice(end, 0, ...added);
}

/** Removes a section's header, keys and continuations (comments in it stay: they are the user's words). */
export function removeSection(doc: IniDocument, name: string): boolean {
  const range = sectionRange(doc, name);
  if (!range) return false;
  const [start, end] = range;
  const kept = doc.lines.slice(start + 1, end).filter((l) => l.kind === 'comment');
  doc.lines.splice(start, end - start, ...kept);
  // Two blank lines where the section was become one.
  for (let i = doc.lines.length - 1; i > 0; i--) {
    if (doc.lines[i]!.kind === 'blank' && doc.lines[i - 1]!.kind === 'blank') doc.lines.splice(i, 1);
  }
  while (doc.lines.at(-1)?.kind === 'blank') doc.lines.pop();
  return true;
}
