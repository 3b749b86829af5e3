// The account-level S3 public access block (S3 Control). An account that never set one answers
// NoSuchPublicAccessBlockConfiguration: that is a fact (null, "none"), not a failure to collect.
import { GetPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { awsErrorCode } from '../../aws/errors.js';
import type { Session } from '../../aws/session.js';
import { call, type FailureLog } from '../context.js';
import type { PublicAccessBlock } from '../schema/common.js';
import type { Timed } from '../timed.js';
import { toPublicAccessBlock } from './public-access-block.js';

export async function collectAccountPublicAccessBlock(
  session: Session,
  failures: FailureLog,
  timed: Timed,
  accountId: string,
): Promise<PublicAccessBlock | null> {
  const region = session.region;
  const s3control = session.client(S3ControlClient, { region });
  return call(failures, { service: 's3control', operation: 'GetPublicAccessBlock', region }, async () => {
    try {
      const out = await timed(`s3control:GetPublicAccessBlock in ${region}`, (abortSignal) =>
        s3control.send(new GetPublicAccessBlockCommand({ AccountId: accountId }), { abortSignal }),
      );
      const c = out.PublicAccessBlockConfiguration;
      return c ? toPublicAccessBlock(c) : null;
    } catch (err) {
      if (awsErrorCode(err) === 'NoSuchPublicAccessBlockConfiguration') return null;
      throw err;
    }
  });
}
