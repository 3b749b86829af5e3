// guardduty-enabled: GuardDuty is the service that notices crypto-mining (seed 002: eleven hours of GPU miners in four
// regions) and API calls from unusual places, from data AWS already has. It only watches the regions where its
// detector is on, and a suspended detector shows as DISABLED. One result per audited region.
import { fail, pass, unknownInRegion } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { perRegion } from './regions.js';

const LIST_OPERATIONS = ['guardduty:ListDetectors'];
const GET_OPERATIONS = ['guardduty:GetDetector'];

const remediation = (region = '<region>', detectorId = '<detector-id>'): Remediation => ({
  summary: `Enable GuardDuty in ${region} (and in every other enabled region, including those you do not use: that is where miners go). The first 30 days are free.`,
  console: [`Open GuardDuty in the region ${region}`, 'Click Get started, then Enable GuardDuty (or, for a suspended detector: Settings > Re-enable GuardDuty)'],
  cli: [
    `aws guardduty create-detector --enable --region ${region}`,
    `aws guardduty update-detector --detector-id ${detectorId} --enable --region ${region}   # a suspended detector`,
    `aws guardduty list-detectors --region ${region}`,
  ],
});

export const guarddutyEnabled: Check = {
  id: 'guardduty-enabled',
  title: 'GuardDuty is enabled in every region',
  area: 'exposure',
  severity: 'medium',
  sources: ['beyond the seeds'],
  remediation: remediation(),
  evaluate(snapshot) {
    return perRegion(snapshot, (region, facts) => {
      const detectors = facts.guardDutyDetectors;
      if (!detectors) return unknownInRegion(snapshot, region, [...LIST_OPERATIONS, ...GET_OPERATIONS], region);
      const enabled = detectors.find((d) => d.status === 'ENABLED');
      if (enabled) return pass(region, `GuardDuty detector ${enabled.id} is ENABLED in ${region}`);
      if (!detectors.length) return fail(region, `GuardDuty has no detector in ${region}`, remediation(region));
      // A detector whose status could not be read may be enabled: a permission error is never a FAIL.
      const unread = snapshot.errors.some((e) => GET_OPERATIONS.includes(`${e.service}:${e.operation}`) && (e.region === region || e.region === null));
      if (unread) return unknownInRegion(snapshot, region, GET_OPERATIONS, region);
      const states = detectors.map((d) => `${d.id} is ${d.status}`).join(', ');
      return fail(region, `GuardDuty is not enabled in ${region} (detector ${states})`, remediation(region, detectors[0]!.id));
    });
  },
};
