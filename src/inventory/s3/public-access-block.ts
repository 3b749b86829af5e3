// A public access block as the snapshot keeps it, from the PublicAccessBlockConfiguration that S3 (a bucket's) and
// S3 Control (the account's) both answer: a setting the answer leaves out is off.
import type { PublicAccessBlock } from '../schema/common.js';

/** The configuration as both SDK clients type it. */
interface PublicAccessBlockConfiguration {
  BlockPublicAcls?: boolean | undefined;
  IgnorePublicAcls?: boolean | undefined;
  BlockPublicPolicy?: boolean | undefined;
  RestrictPublicBuckets?: boolean | undefined;
}

export const toPublicAccessBlock = (c: PublicAccessBlockConfiguration): PublicAccessBlock => ({
  blockPublicAcls: c.BlockPublicAcls ?? false,
  ignorePublicAcls: c.IgnorePublicAcls ?? false,
  blockPublicPolicy: c.BlockPublicPolicy ?? false,
  restrictPublicBuckets: c.RestrictPublicBuckets ?? false,
});
