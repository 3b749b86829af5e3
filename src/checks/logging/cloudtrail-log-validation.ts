// cloudtrail-log-validation (seed 003; CIS 4.2): digest files signed by CloudTrail prove a log file was not changed or
// deleted after delivery. After an incident (seed 002) the logs are the evidence; validation is what makes them evidence.
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { judgeThatTrail, ownerNote, trailLabel } from './trails.js';

const remediation = (trail = '<trail>', region = '<home-region>', note = ''): Remediation => ({
  summary: `Turn on log file validation for ${trail === '<trail>' ? 'the multi-region trail' : `trail ${trail}`}: CloudTrail then delivers a signed digest file every hour.${note}`,
  console: [`CloudTrail > Trails > ${trail} (in ${region}) > General details > Edit`, 'Additional settings: Log file validation: Enabled; Save changes'],
  cli: [
    `aws cloudtrail update-trail --name ${trail} --enable-log-file-validation --region ${region}`,
    `aws cloudtrail validate-logs --trail-arn <trail-arn> --start-time <yyyy-mm-dd>   # later: verifies the delivered files`,
  ],
});

export const cloudtrailLogValidation: Check = {
  id: 'cloudtrail-log-validation',
  title: 'The multi-region trail validates its log files',
  area: 'logging',
  severity: 'medium',
  sources: ['seed 003', 'CIS 4.2'],
  remediation: remediation(),
  evaluate: (snapshot) =>
    judgeThatTrail(snapshot, (t) =>
      t.logFileValidation
        ? pass(t.arn, `${trailLabel(t)} validates its log files (signed digest files)`)
        : fail(t.arn, `${trailLabel(t)} does not validate its log files`, remediation(t.name, t.homeRegion, ownerNote(snapshot, t))),
    ),
};
