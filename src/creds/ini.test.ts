import { describe, expect, it } from 'vitest';
import { parseIni, removeSection, sectionNames, sectionValues, serializeIni, setSection } from './ini.js';

const USER_FILE = `# work keys, do not share
[default]
aws_access_key_id = AKIAAAAAAAAAAAAAAAAA
aws_secret_access_key = secretdefault   ; trailing comment

; the old one
[old]
aws_access_key_id=AKIABBBBBBBBBBBBBBBB
aws_secret_access_key=secretold
s3 =
  max_concurrent_requests = 20
region = eu-west-1

[last]
region = us-west-2
`;

describe('ini model', () => {
  it('gives back every byte of a file it did not change', () => {
    expect(serializeIni(parseIni(USER_FILE, 'f'))).toBe(USER_FILE);
    const crlf = USER_FILE.replace(/\n/g, '\r\n');
    expect(serializeIni(parseIni(crlf, 'f'))).toBe(crlf);
  });

  it('changes one profile and keeps the others, comments and order', () => {
    const doc = parseIni(USER_FILE, 'f');
    setSection(doc, 'old', { aws_access_key_id: 'AKIANEWNEWNEWNEWNEW1', s3: undefined, output: 'json' });
    setSection(doc, 'new-mfa', { aws_session_token: 'tok' });
    const text = serializeIni(doc);
    expect(text).toContain('# work keys, do not share\n[default]\naws_access_key_id = AKIAAAAAAAAAAAAAAAAA\naws_secret_access_key = secretdefault   ; trailing comment\n\n; the old one\n[old]\n');
    expect(text).toContain('[old]\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key=secretold\nregion = eu-west-1\noutput = json\n\n[last]');
    expect(text).not.toContain('max_concurrent_requests');
    expect(text.endsWith('[last]\nregion = us-west-2\n\n[new-mfa]\naws_session_token = tok\n')).toBe(true);
    expect(sectionNames(parseIni(text, 'f'))).toEqual(['default', 'old', 'last', 'new-mfa']);
  });

  it('removes a section and only it', () => {
    const doc = parseIni(USER_FILE, 'f');
    expect(removeSection(doc, 'old')).toBe(true);
    const text = serializeIni(doc);
    // The comment above [old] is the user's: it stays.
    expect(text).toBe(USER_FILE.replace(/\[old\][\s\S]*?region = eu-west-1\n/, ''));
    expect(removeSection(doc, 'absent')).toBe(false);
    expect(sectionValues(parseIni(USER_FILE, 'f'), 'old')).toMatchObject({ aws_access_key_id: 'AKIABBBBBBBBBBBBBBBB', region: 'eu-west-1' });
  });

  it.each([
    ['aws_access_key_id AKIAXXXXXXXXXXXXXXXX\n', 1, 'expected "key = value"'],
    ['[default]\naws_secret_access_key SECRETSECRET\n', 2, 'expected "key = value"'],
    ['[default\nx = 1\n', 1, 'malformed section header'],
    ['region = us-east-1\n[a]\n', 1, 'before any [section]'],
    ['[]\n', 1, 'empty section name'],
  ])('refuses %j with the line number and without quoting it', (text, line, what) => {
    expect(() => parseIni(text, '/home/u/.aws/credentials')).toThrow(`/home/u/.aws/credentials:${line}: `);
    expect(() => parseIni(text, '/home/u/.aws/credentials')).toThrow(what);
    try {
      parseIni(text, 'f');
    } catch (err) {
      expect((err as Error).message).not.toMatch(/SECRET|AKIA/);
    }
  });
});
