// `rampart audit` report options end to end (in-process): formats to stdout and to files, the one-format-on-stdout
// rule, bad options as one line and exit 2 with nothing written, and --to-security-hub against the emulator.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditOutputSchema } from '../../src/report/audit-output.js';
import { canaries, useEmulatedEnvironment } from '../aws-emulator/emulated-env.js';
import type { Scenario } from '../aws-emulator/index.js';
import { asffId } from '../../src/report/asff.js';
import { refusedFindingIds } from '../aws-emulator/services/securityhub-findings.js';
import { runCli } from './io.js';

const LEAKY = join(import.meta.dirname, '../../examples/leaky-account.json');
const tmp = () => mkdtempSync(join(tmpdir(), 'rampart-reports-'));

describe('rampart audit --format / --output / --html', () => {
  it('writes each NAME:FILE format to its file and the one without a file to stdout', async () => {
    const dir = tmp();
    const run = await runCli(['audit', '--snapshot', LEAKY, '--format', `json,sarif:${join(dir, 'a.sarif')},junit:${join(dir, 'a.xml')}`, '--format', `csv:${join(dir, 'a.csv')},ocsf:${join(dir, 'a.ocsf')},asff:${join(dir, 'a.asff')}`, '--html', join(dir, 'a.html')]);
    expect(run.code).toBe(1);
    const audit = auditOutputSchema.parse(JSON.parse(run.stdout));
    expect(JSON.parse(readFileSync(join(dir, 'a.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'a.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8').split('\r\n')).toHaveLength(audit.results.length + 2);
    expect(JSON.parse(readFileSync(join(dir, 'a.ocsf'), 'utf8'))).toHaveLength(audit.results.length);
    expect(JSON.parse(readFileSync(join(dir, 'a.asff'), 'utf8'))[0].SchemaVersion).toBe('2018-10-08');
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(run.stderr).toContain(`wrote the html report to ${join(dir, 'a.html')}`);
    // Nothing but the reports: no temp file left behind.
    expect(readdirSync(dir).sort()).toEqual(['a.asff', 'a.csv', 'a.html', 'a.ocsf', 'a.sarif', 'a.xml']);
  });

  it('prints the text report when every format went to a file', async () => {
    const dir = tmp();
    const run = await runCli(['audit', '--snapshot', LEAKY, '--html', join(dir, 'r.html')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('rampart audit');
    expect(run.stdout).toContain('Root user');
    expect(existsSync(join(dir, 'r.html'))).toBe(true);
  });

  it('--output names the file of the one format without one; alone it writes the JSON', async () => {
    const dir = tmp();
    const sarif = await runCli(['audit', '--snapshot', LEAKY, '--format', 'sarif', '--output', join(dir, 'x.sarif'), '-q']);
    expect(sarif.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'x.sarif'), 'utf8')).runs).toHaveLength(1);
    const json = await runCli(['audit', '--snapshot', LEAKY, '-o', join(dir, 'x.json'), '-q']);
    expect(json.code).toBe(1);
    auditOutputSchema.parse(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')));
  });

  it.each([
    [['--format', 'json,html'], /^rampart: stdout takes one format, but json, html have no file/],
    [['--format', 'sarf'], /^rampart: --format expects one of text, json, html, sarif, junit, csv, ocsf, asff \(each NAME or NAME:FILE\), got "sarf" \(did you mean "sarif"\?\)$/m],
    [['--format', 'json:'], /^rampart: --format json: expected a file after the colon/],
    [['--format', 'json,csv', '--output', 'x'], /^rampart: --output names one file, but 2 formats have none/],
    [['--format', 'json:same.out,csv:same.out'], /^rampart: same.out: both json and csv would be written to it/],
  ])('%j is bad usage: one line, exit 2', async (args, message) => {
    const run = await runCli(['audit', '--snapshot', LEAKY, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('a report it cannot write is one line, exit 2, and the old file is untouched', async () => {
    const dir = tmp();
    let run = await runCli(['audit', '--snapshot', LEAKY, '--html', join(dir, 'missing', 'r.html')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`rampart: cannot write the html report to ${join(dir, 'missing', 'r.html')}: no such directory\n`);
    writeFileSync(join(dir, 'keep.csv'), 'old');
    run = await runCli(['audit', '--snapshot', join(dir, 'nope.json'), '--format', `csv:${join(dir, 'keep.csv')}`]);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'keep.csv'), 'utf8')).toBe('old');
  });
});

describe('rampart audit --to-security-hub', () => {
  const env = useEmulatedEnvironment({ region: 'eu-west-1' });
  const scenario = (hub: boolean): Scenario => {
    const s = JSON.parse(readFileSync(join(import.meta.dirname, '../aws-emulator/scenarios/leaky-account.json'), 'utf8')) as Scenario & { regional?: Record<string, object> };
    s.regional = { ...(s.regional ?? {}), 'eu-west-1': { securityHub: hub ? { subscribed: '-30d' } : null } };
    return s;
  };

  it('imports, then updates the same findings on a second run', async () => {
    const emu = await env.emulate(scenario(true), 'AKIADEVADMIN00000001');
    const first = await runCli(['audit', '--snapshot', LEAKY, '--to-security-hub', '-q', '--format', 'json']);
    expect(first.code).toBe(1);
    const open = auditOutputSchema.parse(JSON.parse(first.stdout)).results.filter((r) => ['FAIL', 'UNKNOWN', 'MANUAL'].includes(r.status)).length;
    expect(first.stderr).toBe(`rampart: Security Hub (eu-west-1): ${open} findings imported in 2 batches: ${open} new, 0 updated, 0 resolved\n`);
    const second = await runCli(['audit', '--snapshot', LEAKY, '--to-security-hub', '-q', '--format', 'json']);
    expect(second.stderr).toBe(`rampart: Security Hub (eu-west-1): ${open} findings imported in 2 batches: 0 new, ${open} updated, 0 resolved\n`);
    expect(emu.calls()['securityhub:BatchImportFindings']).toBe(4);
  });

  it('no report carries a secret of the account (the scenario plants canary keys and passwords)', async () => {
    const leaky = JSON.parse(readFileSync(join(import.meta.dirname, '../aws-emulator/scenarios/leaky-account.json'), 'utf8')) as Scenario;
    await env.emulate(leaky, 'AKIADEVADMIN00000001');
    const dir = tmp();
    const formats = ['json', 'html', 'sarif', 'junit', 'csv', 'ocsf', 'asff'];
    const run = await runCli(['audit', '--check', 'root,identity,password-policy', '-q', '--format', `text,${formats.map((f) => `${f}:${join(dir, f)}`).join(',')}`]);
    expect(run.code).toBe(1);
    const outputs = [run.stdout, run.stderr, ...formats.map((f) => readFileSync(join(dir, f), 'utf8'))];
    expect(canaries(leaky).length).toBeGreaterThan(0);
    for (const text of outputs) for (const secret of canaries(leaky)) expect(text).not.toContain(secret);
    // The reports do name what the secrets belong to: the canaries are absent, not the findings.
    expect(readFileSync(join(dir, 'csv'), 'utf8')).toContain('dev-admin');
  });

  it('lists the findings Security Hub refused and exits 3', async () => {
    await env.emulate(scenario(true), 'AKIADEVADMIN00000001');
    const refused = asffId('123456789012', 'root-mfa', 'arn:aws:iam::123456789012:root');
    refusedFindingIds.add(refused);
    const run = await runCli(['audit', '--snapshot', LEAKY, '--to-security-hub', '-q', '--format', 'json']).finally(() => refusedFindingIds.delete(refused));
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('rampart: Security Hub refused 1 finding:\n');
    expect(run.stderr).toContain(`  ${refused}: InternalFailure Internal failure while importing the finding\n`);
  });

  it('Security Hub not enabled: one line, exit 3', async () => {
    await env.emulate(scenario(false), 'AKIADEVADMIN00000001');
    const run = await runCli(['audit', '--snapshot', LEAKY, '--to-security-hub', '-q', '--format', 'json']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^rampart: Security Hub is not enabled in eu-west-1 for account 123456789012: enable it/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
