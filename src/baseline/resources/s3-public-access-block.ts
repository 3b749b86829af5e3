// The account-level S3 Block Public Access (seed 003, CIS): all four settings on, so a bucket made public by mistake
// (or by a leaked key) stays private. Turning a setting on never weakens anything; none is ever turned off.
import { GetPublicAccessBlockCommand, PutPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { awsErrorCode } from '../../aws/errors.js';
import { publicAccessBlockSettingsOff } from '../../checks/exposure/s3-account-public-access-block.js';
import { toPublicAccessBlock } from '../../inventory/s3/public-access-block.js';
import type { PublicAccessBlock } from '../../inventory/schema/common.js';
import type { ApplyContext, Planner } from '../types.js';
import { notCollected } from './iam-common.js';

export const S3_PUBLIC_ACCESS_BLOCK_STEP = 's3-public-access-block';
const ACTIONS = ['s3:GetAccountPublicAccessBlock', 's3:PutAccountPublicAccessBlock'];

async function read(s3control: S3ControlClient, accountId: string): Promise<PublicAccessBlock | null> {
  try {
    const out = await s3control.send(new GetPublicAccessBlockCommand({ AccountId: accountId }));
    return out.PublicAccessBlockConfiguration ? toPublicAccessBlock(out.PublicAccessBlockConfiguration) : null;
  } catch (err) {
    if (awsErrorCode(err) === 'NoSuchPublicAccessBlockConfiguration') return null;
    throw err;
  }
}

async function run(ctx: ApplyContext): Promise<string> {
  const accountId = ctx.snapshot.account.id;
  const s3control = ctx.session.client(S3ControlClient);
  const off = publicAccessBlockSettingsOff(await read(s3control, accountId));
  if (!off.length) return 'account-level S3 Block Public Access already has all four settings on';
  await s3control.send(
    new PutPublicAccessBlockCommand({
      AccountId: accountId,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }),
  );
  const still = publicAccessBlockSettingsOff(await read(s3control, accountId));
  if (still.length) throw new Error(`account-level S3 Block Public Access is still off for ${still.join(', ')}`);
  return `account-level S3 Block Public Access: turned on ${off.join(', ')}`;
}

export const s3PublicAccessBlockPlanner: Planner = {
  id: 's3-public-access-block',
  plan(ctx) {
    if (!ctx.spec.s3PublicAccessBlock) return [];
    const base = { id: S3_PUBLIC_ACCESS_BLOCK_STEP, title: 'S3 Block Public Access for the account', actions: ACTIONS };
    const runnable = { ...base, run };
    const block = ctx.snapshot.s3AccountPublicAccessBlock;
    if (block === undefined) return [{ ...runnable, kind: 'update', detail: notCollected('the account-level S3 public access block') }];
    const off = publicAccessBlockSettingsOff(block);
    if (!off.length) return [{ ...base, kind: 'noop', detail: 'all four settings are on' }];
    if (block === null) return [{ ...runnable, kind: 'create', detail: 'none set: turn on all four settings (public ACLs and public bucket policies blocked account-wide)' }];
    return [{ ...runnable, kind: 'update', detail: `turn on ${off.join(', ')} (the settings already on stay on)` }];
  },
};
