// securityhub-enabled (CIS 5.16): Security Hub gathers the findings of GuardDuty, Access Analyzer and Config in one
// place and runs the CIS and AWS best-practice controls continuously, between two rampart audits. It is regional like
// the services it collects from, so one result per audited region.
import { fail, pass, unknownInRegion } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { perRegion } from './regions.js';

const OPERATIONS = ['securityhub:DescribeHub'];

const remediation = (region = '<region>'): Remediation => ({
  summary: `Enable Security Hub in ${region} with the default standards (AWS Foundational Security Best Practices, CIS). It needs AWS Config recording in the region.`,
  console: [`Open Security Hub in the region ${region}`, 'Click Go to Security Hub, keep the default security standards ticked, then Enable Security Hub'],
  cli: [`aws securityhub enable-security-hub --enable-default-standards --region ${region}`, `aws securityhub describe-hub --region ${region}`],
});

export const securityhubEnabled: Check = {
  id: 'securityhub-enabled',
  title: 'Security Hub is enabled',
  area: 'exposure',
  severity: 'low',
  sources: ['CIS 5.16'],
  remediation: remediation(),
  evaluate(snapshot) {
    return perRegion(snapshot, (region, facts) => {
      const hub = facts.securityHub;
      if (hub === undefined) return unknownInRegion(snapshot, region, OPERATIONS, region);
      return hub === null
        ? fail(region, `Security Hub is not enabled in ${region}`, remediation(region))
        : pass(region, `Security Hub is enabled in ${region} (${hub.hubArn})`);
    });
  },
};
