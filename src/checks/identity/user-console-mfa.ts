// CIS 2.9 and every seed: a console password alone is one phished secret away from the account.
// One result per user with a console password (credential report: password_enabled, mfa_active).
import { fail, pass } from '../support.js';
import type { Check, Remediation } from '../types.js';
import { fill, missing, notInReport, orNotApplicable, reportRows } from './users.js';

const remediation: Remediation = {
  summary: 'Assign an MFA device to every user who can sign in to the console (or remove the console password of users who do not need it).',
  console: [
    'IAM > Users > <user> > Security credentials > Multi-factor authentication (MFA) > Assign MFA device.',
    'Pick an authenticator app (or a security key), scan the QR code and enter two consecutive codes.',
    'If the user does not need the console: Security credentials > Console sign-in > Manage > Disable console access.',
  ],
  cli: [
    'aws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile <user>-mfa.png --bootstrap-method QRCodePNG',
    'aws iam enable-mfa-device --user-name <user> --serial-number arn:aws:iam::<account>:mfa/<user> --authentication-code1 <code1> --authentication-code2 <code2>',
    'aws iam delete-login-profile --user-name <user>   # if the user does not need the console',
  ],
};

export const userConsoleMfa: Check = {
  id: 'user-console-mfa',
  title: 'Every console user has MFA',
  area: 'identity',
  severity: 'high',
  sources: ['seed 000', 'seed 001', 'seed 002', 'seed 003', 'seed 004', 'CIS 2.9'],
  remediation,
  evaluate(snapshot) {
    if (!snapshot.iam.credentialReport) return [missing(snapshot, ['report'])];
    const outcomes = reportRows(snapshot)
      .filter((row) => row.passwordEnabled === true)
      .map((row) =>
        row.mfaActive
          ? pass(row.arn, `user ${row.user} has a console password and an MFA device`)
          : fail(row.arn, `user ${row.user} has a console password and no MFA device`, fill(remediation, { user: row.user, account: snapshot.account.id })),
      );
    return orNotApplicable(snapshot, [...outcomes, ...notInReport(snapshot)], 'no IAM user has a console password');
  },
};
