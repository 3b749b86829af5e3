// Who is asking, and in which account: the one call an audit cannot do without.
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';

export interface Caller {
  arn: string;
  userId: string;
  account: string;
}

/** Throws the SDK's error as it is: collect.ts decides it is fatal. */
export async function collectCaller(sts: STSClient): Promise<Caller> {
  const out = await sts.send(new GetCallerIdentityCommand({}));
  return { arn: out.Arn ?? '', userId: out.UserId ?? '', account: out.Account ?? '' };
}

/** `arn:aws-us-gov:sts::...` -> `aws-us-gov`. */
export const partitionOf = (arn: string): string => arn.split(':')[1] || 'aws';
