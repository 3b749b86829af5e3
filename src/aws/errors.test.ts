import { describe, expect, it } from 'vitest';
import { RunError } from '../util/errors.js';
import { awsErrorCode, classifyAwsError, describeAwsError, FatalAwsError, NoCredentialsError, redactSecrets } from './errors.js';

const sdkError = (name: string, message: string, status?: number) =>
  Object.assign(new Error(message), { name, $metadata: status === undefined ? {} : { httpStatusCode: status } });

describe('describeAwsError', () => {
  it('takes the code from the modelled Code, then the name, then a Node errno code', () => {
    expect(awsErrorCode(Object.assign(sdkError('Error', 'x'), { Code: 'NoSuchEntity' }))).toBe('NoSuchEntity');
    expect(awsErrorCode(sdkError('AccessDenied', 'x', 403))).toBe('AccessDenied');
    expect(awsErrorCode(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(awsErrorCode(sdkError('Error', 'odd', 502))).toBe('HTTP502');
    expect(awsErrorCode('a string')).toBe('UnknownError');
  });

  it('gives one line, redacted and bounded, with the HTTP status', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const info = describeAwsError(sdkError('SignatureDoesNotMatch', `bad\nsignature for ${secret}\n${'x'.repeat(400)}`, 403));
    expect(info.code).toBe('SignatureDoesNotMatch');
    expect(info.httpStatusCode).toBe(403);
    expect(info.message).not.toContain(secret);
    expect(info.message).not.toContain('\n');
    expect(info.message.length).toBeLessThanOrEqual(300);
  });

  it('redacts long base64 runs only', () => {
    expect(redactSecrets('arn:aws:iam::123456789012:user/alice')).toBe('arn:aws:iam::123456789012:user/alice');
    expect(redactSecrets(`token ${'A'.repeat(200)} end`)).toBe('token [redacted] end');
  });
});

describe('classifyAwsError', () => {
  it.each([
    ['AccessDenied', 403, 'permission'],
    ['AccessDeniedException', 400, 'permission'],
    ['UnauthorizedOperation', 403, 'permission'],
    ['InvalidClientTokenId', 403, 'credentials'],
    ['ExpiredToken', 400, 'credentials'],
    ['Throttling', 400, 'throttling'],
    ['TooManyRequestsException', 429, 'throttling'],
    ['NoSuchEntity', 404, 'not-found'],
    ['ResourceNotFoundException', 404, 'not-found'],
    ['TimeoutError', undefined, 'network'],
    ['ServiceUnavailable', 503, 'other'],
  ] as const)('%s is %s', (name, status, kind) => {
    expect(classifyAwsError(sdkError(name, 'm', status))).toBe(kind);
  });

  it('sees network failures by their errno code', () => {
    expect(classifyAwsError(Object.assign(new Error('getaddrinfo ENOTFOUND iam.amazonaws.com'), { code: 'ENOTFOUND' }))).toBe('network');
  });
});

describe('fatal errors', () => {
  it('are RunErrors (exit 3) with one line naming what to do', () => {
    const err = new NoCredentialsError('dev', undefined);
    expect(err).toBeInstanceOf(FatalAwsError);
    expect(err).toBeInstanceOf(RunError);
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/^no AWS credentials found for profile 'dev': .*AWS_ACCESS_KEY_ID.*--profile/);
    expect(err.message).not.toContain('\n');
  });
});
