// JUnit XML for CI dashboards: a test suite per area, a test case per result.
// FAIL is a <failure> (the account broke the rule); UNKNOWN is an <error> (the check could not run, which is not a
// verdict on the account); NOT_APPLICABLE and MANUAL are <skipped> (nothing an automated run can decide).
import { AREAS, type Status } from '../checks/types.js';
import type { AuditOutput, AuditResult } from './audit-output.js';
import { checkMeta } from './check-meta.js';
import { escapeXml } from './escape.js';
import { AREA_LABELS } from './labels.js';

const attr = (name: string, value: string | number): string => `${name}="${escapeXml(String(value))}"`;

function remediationText(r: AuditResult): string {
  const { summary, console, cli } = r.remediation;
  return [
    r.message,
    '',
    `Fix: ${summary}`,
    ...(console.length ? ['In the console:', ...console.map((s, i) => `  ${i + 1}. ${s}`)] : []),
    ...(cli.length ? ['With the AWS CLI:', ...cli.map((c) => `  $ ${c}`)] : []),
  ].join('\n');
}

const SKIP_REASON: Partial<Record<Status, string>> = {
  NOT_APPLICABLE: 'not applicable',
  MANUAL: 'a person must check this: no API shows it',
};

function testcase(r: AuditResult): string {
  const open = `    <testcase ${attr('classname', `rampart.${r.area}.${r.checkId}`)} ${attr('name', `${checkMeta(r.checkId).title} [${r.resource}]`)} ${attr('time', 0)}>`;
  const props = `      <properties>${[
    ['check', r.checkId],
    ['status', r.status],
    ['severity', r.severity],
    ['resource', r.resource],
  ]
    .map(([k, v]) => `<property ${attr('name', k!)} ${attr('value', v!)}/>`)
    .join('')}</properties>`;
  let outcome = '';
  if (r.status === 'FAIL') outcome = `      <failure ${attr('message', r.message)} ${attr('type', r.severity)}>${escapeXml(remediationText(r))}</failure>`;
  else if (r.status === 'UNKNOWN') outcome = `      <error ${attr('message', r.message)} ${attr('type', 'UNKNOWN')}>${escapeXml(r.message)}</error>`;
  else if (SKIP_REASON[r.status]) outcome = `      <skipped ${attr('message', `${SKIP_REASON[r.status]!}: ${r.message}`)}/>`;
  return [open, props, ...(outcome ? [outcome] : []), '    </testcase>'].join('\n');
}

const count = (results: readonly AuditResult[], status: Status): number => results.filter((r) => r.status === status).length;

function counts(results: readonly AuditResult[]): string {
  return [
    attr('tests', results.length),
    attr('failures', count(results, 'FAIL')),
    attr('errors', count(results, 'UNKNOWN')),
    attr('skipped', count(results, 'NOT_APPLICABLE') + count(results, 'MANUAL')),
  ].join(' ');
}

export function renderJunit(audit: AuditOutput): string {
  const account = audit.account.alias ? `${audit.account.id} (${audit.account.alias})` : audit.account.id;
  const suites = AREAS.map((area) => [area, audit.results.filter((r) => r.area === area)] as const)
    .filter(([, results]) => results.length > 0)
    .map(([area, results]) =>
      [
        `  <testsuite ${attr('name', `${AREA_LABELS[area]} (${area})`)} ${counts(results)} ${attr('time', 0)} ${attr('timestamp', audit.collectedAt.replace(/Z$/, ''))} ${attr('hostname', account)}>`,
        ...results.map(testcase),
        '  </testsuite>',
      ].join('\n'),
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attr('name', `rampart audit ${account}`)} ${counts(audit.results)} ${attr('time', 0)}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
