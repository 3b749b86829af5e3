// STS and IAM clients signed with one explicit set of keys (a profile's, a new key's, a session's), pointed at
// the endpoint the environment configures (AWS_ENDPOINT_URL_STS / _IAM / AWS_ENDPOINT_URL), so rotation can
// compare what two keys can do without the credential chain choosing for it.
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { configuredEndpoint } from '../aws/endpoints.js';
import { awsErrorCode, describeAwsError } from '../aws/errors.js';

export interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export interface CredsAws {
  sts(keys: Keys): STSClient;
  iam(keys: Keys): IAMClient;
}

export function credsAws(env: NodeJS.ProcessEnv, region: string): CredsAws {
  const common = (keys: Keys) => ({
    region,
    credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}) },
    // Rotation decides itself when to try again (a new key is refused for seconds); throttling still gets retries.
    maxAttempts: 3,
  });
  const sts = configuredEndpoint('STS', env);
  const iam = configuredEndpoint('IAM', env);
  return {
    sts: (keys) => new STSClient({ ...common(keys), ...(sts ? { endpoint: sts } : {}) }),
    iam: (keys) => new IAMClient({ ...common(keys), ...(iam ? { endpoint: iam } : {}) }),
  };
}

/** `Code: message` of an AWS error, secrets redacted, one line. */
export function awsFailure(err: unknown): string {
  const info = describeAwsError(err);
  return `${info.code}: ${info.message}`;
}

export const errorCode = awsErrorCode;
