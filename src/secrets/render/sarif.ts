// `--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it. partialFingerprints carry rampart's own
// fingerprint (rule + secret), so an alert follows the secret, not the line.
import { VERSION } from '../../version.js';
import { RULES, type RuleId } from '../detect.js';
import { maskId, nextSteps } from '../next-steps.js';
import type { ScanReport } from '../report.js';
import { commitText, RULE_TEXT, verificationText } from './describe.js';

const RULE_IDS = Object.keys(RULES) as RuleId[];

export function renderScanSarif(report: ScanReport): string {
  const rules = RULE_IDS.map((id) => ({
    id,
    name: RULE_TEXT[id].name.replace(/(?:^|\s)(\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: RULE_TEXT[id].name },
    fullDescription: { text: RULE_TEXT[id].description },
    help: { text: 'Deactivate the credential at AWS, check CloudTrail for its use (rampart trail hunt --access-key), rotate it: removing it from the code does not make it safe.' },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security', 'secret', 'aws'], precision: 'high', 'security-severity': '9.0' },
  }));
  const results = report.findings.map((f) => {
    const verification = report.verifications.get(f.fingerprint);
    const text = [
      `${RULE_TEXT[f.rule as RuleId]?.name ?? f.rule} ${f.masked}`,
      f.accountId ? `account ${f.accountId}` : undefined,
      f.kind !== 'access-key-id' && f.accessKeyId ? `key ${maskId(f.accessKeyId)}` : undefined,
      commitText(f),
      verificationText(verification),
      `next: ${nextSteps(f, verification).join('; ')}`,
    ].filter(Boolean).join('. ');
    return {
      ruleId: f.rule,
      ruleIndex: RULE_IDS.indexOf(f.rule as RuleId),
      level: 'error',
      message: { text },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.location.path), uriBaseId: 'SRCROOT' },
            region: { startLine: f.location.line, startColumn: f.location.column, endLine: f.location.line, endColumn: f.location.column + f.secret.length },
          },
        },
      ],
      partialFingerprints: { 'rampartSecret/v1': f.fingerprint },
      ...(f.location.commit ? { properties: { commit: f.location.commit } } : {}),
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rampart', version: VERSION, rules } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.problems.map((p) => ({
              level: 'warning',
              message: { text: `${p.path}: ${p.message}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(p.path), uriBaseId: 'SRCROOT' } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
