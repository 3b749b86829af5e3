// access-analyzer (CIS 2.19): IAM Access Analyzer reports what in its region is shared outside the account (a public
// bucket, a role trusting a foreign account, a snapshot shared to anyone). Only external-access analyzers (type
// ACCOUNT or ORGANIZATION) do that; the unused- and internal-access kinds answer other questions, so alone they do not
// pass. One result per audited region.
import { fail, pass, unknownInRegion } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { perRegion } from './regions.js';

const OPERATIONS = ['access-analyzer:ListAnalyzers'];
const EXTERNAL_ACCESS_TYPES = ['ACCOUNT', 'ORGANIZATION'];

const remediation = (region = '<region>'): Remediation => ({
  summary: `Create an external-access analyzer with the account as its zone of trust in ${region} (and in every other enabled region); it is free.`,
  console: [
    `Open IAM, switch to the region ${region}, then Access analyzer (left menu) > Analyzer settings`,
    'Click Create analyzer; Findings type: External access analysis; Zone of trust: Current account; Create analyzer',
  ],
  cli: [
    `aws accessanalyzer create-analyzer --analyzer-name account --type ACCOUNT --region ${region}`,
    `aws accessanalyzer list-analyzers --region ${region}`,
  ],
});

export const accessAnalyzer: Check = {
  id: 'access-analyzer',
  title: 'IAM Access Analyzer is active in every region',
  area: 'exposure',
  severity: 'medium',
  sources: ['CIS 2.19'],
  remediation: remediation(),
  evaluate(snapshot) {
    return perRegion(snapshot, (region, facts) => {
      const analyzers = facts.accessAnalyzers;
      if (!analyzers) return unknownInRegion(snapshot, region, OPERATIONS, region);
      const external = analyzers.filter((a) => EXTERNAL_ACCESS_TYPES.includes(a.type));
      const active = external.find((a) => a.status === 'ACTIVE');
      if (active) return pass(region, `access analyzer ${active.name} (${active.type}) is ACTIVE in ${region}`);
      if (external.length) {
        const states = external.map((a) => `${a.name} is ${a.status}`).join(', ');
        return fail(region, `no ACTIVE external-access analyzer in ${region} (${states})`, remediation(region));
      }
      const others = analyzers.length ? ` (only ${analyzers.map((a) => `${a.name} of type ${a.type}`).join(', ')}, which do not report external access)` : '';
      return fail(region, `no IAM Access Analyzer for external access in ${region}${others}`, remediation(region));
    });
  },
};
