// s3-account-public-access-block (seed 003): one switch that overrides every bucket's ACLs and policies, so a bucket
// made public by mistake (or by a leaked key) stays private. All four settings are needed: the ACL pair stops public
// ACLs, the policy pair stops public bucket policies.
import type { PublicAccessBlock } from '../../inventory/schema/common.js';
import { accountResource, fail, pass, unknown } from '../support.js';
import type { Check, Remediation } from '../types.js';

const OPERATIONS = ['s3control:GetPublicAccessBlock'];
const SETTINGS = [
  ['blockPublicAcls', 'BlockPublicAcls'],
  ['ignorePublicAcls', 'IgnorePublicAcls'],
  ['blockPublicPolicy', 'BlockPublicPolicy'],
  ['restrictPublicBuckets', 'RestrictPublicBuckets'],
] as const;

/** The settings that are off, by their API names (all four when there is no block); the baseline planner judges the same. */
export const publicAccessBlockSettingsOff = (block: PublicAccessBlock | null): string[] =>
  SETTINGS.filter(([field]) => !block?.[field]).map(([, name]) => name);

const remediation = (account = '<account-id>'): Remediation => ({
  summary:
    'Turn on all four settings of the account-level S3 Block Public Access. Buckets that must be public (a static website) ' +
    'should be served through CloudFront instead.',
  console: [
    'Open the S3 console, then Block Public Access settings for this account (left menu)',
    'Click Edit, tick Block all public access (all four settings), Save changes, and type confirm',
  ],
  cli: [
    `aws s3control put-public-access-block --account-id ${account} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`,
    `aws s3control get-public-access-block --account-id ${account}`,
  ],
});

export const s3AccountPublicAccessBlock: Check = {
  id: 's3-account-public-access-block',
  title: 'S3 Block Public Access is on for the account',
  area: 'exposure',
  severity: 'high',
  sources: ['seed 003', 'CIS'],
  remediation: remediation(),
  evaluate(snapshot) {
    const resource = accountResource(snapshot);
    const block = snapshot.s3AccountPublicAccessBlock;
    if (block === undefined) return [unknown(snapshot, resource, OPERATIONS)];
    if (block === null) return [fail(resource, 'no account-level S3 public access block is set', remediation(snapshot.account.id))];
    const off = publicAccessBlockSettingsOff(block);
    return off.length
      ? [fail(resource, `account-level S3 public access block is off for: ${off.join(', ')}`, remediation(snapshot.account.id))]
      : [pass(resource, `account-level S3 public access block has all four settings on (${SETTINGS.map(([, n]) => n).join(', ')})`)];
  },
};
