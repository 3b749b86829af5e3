import { describe, expect, it } from 'vitest';
import { keyId, secretKey } from '../../test/secrets/keys.js';
import { seededRandom } from '../../test/aws-emulator/prng.js';
import { detectSecrets } from './detect.js';
import { renderScanJson } from './render/json.js';
import { renderScanSarif } from './render/sarif.js';
import { renderScanText } from './render/text.js';
import { scan } from './scan.js';
import type { Source, SourceItem } from './source.js';

const from = (items: SourceItem[]): Source =>
  (async function* () {
    yield* items;
  })();

const ID = keyId('AKIA', seededRandom(201));
const SECRET = secretKey(seededRandom(202));

// What the git history source hands over: findings it made itself, with the commit they were first seen in.
const historic = detectSecrets(`old = ${ID}\nsecret_key = ${SECRET}\n`, 'config/old.py').map((f) => ({
  ...f,
  location: { ...f.location, commit: { commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', author: 'Dev <dev@example.com>', date: '2024-03-01T10:00:00Z', inHead: false } },
}));

describe('scan', () => {
  it('takes findings from a second source, and renders their commit in every format', async () => {
    const report = await scan([from([{ kind: 'text', path: 'a.txt', text: 'nothing', bytes: 7 }]), from(historic.map((finding) => ({ kind: 'finding' as const, finding })))]);
    expect(report.findings).toHaveLength(2);
    const text = renderScanText(report);
    expect(text).toContain('config/old.py:1:7  AWS access key id');
    expect(text).toContain('in commit a1b2c3d4e5f6 by Dev <dev@example.com> on 2024-03-01, no longer in HEAD (but still in the history)');
    expect(JSON.parse(renderScanJson(report)).findings[0].location.commit).toMatchObject({ commit: historic[0]!.location.commit!.commit, inHead: false });
    const sarif = JSON.parse(renderScanSarif(report));
    expect(sarif.runs[0].results[0].message.text).toContain('in commit a1b2c3d4e5f6');
    expect(sarif.runs[0].results[0].properties.commit.author).toBe('Dev <dev@example.com>');
    for (const out of [text, renderScanJson(report), renderScanSarif(report)]) {
      expect(out).not.toContain(ID);
      expect(out).not.toContain(SECRET);
    }
  });

  it('drops findings on a rampart:allow line and those in the baseline, and counts them', async () => {
    const text = `a = ${ID} # rampart:allow\nb = ${keyId('AKIA', seededRandom(203))}\nc = ${keyId('AKIA', seededRandom(204))}\n`;
    const all = detectSecrets(text, 'x');
    const report = await scan([from([{ kind: 'text', path: 'x', text, bytes: text.length }])], { baseline: new Set([all[2]!.fingerprint]) });
    expect(report.findings.map((f) => f.location.line)).toEqual([2]);
    expect(report.accepted).toEqual({ baseline: 1, inline: 1 });
    expect(renderScanText(report)).toMatch(/1 accepted by the baseline; 1 allowed inline \(rampart:allow\)\n$/);
  });
});
