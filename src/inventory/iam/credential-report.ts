// The credential report: one CSV for every user and root, instead of a handful of calls per user.
// AWS builds it asynchronously: GenerateCredentialReport until COMPLETE, then GetCredentialReport.
import { GenerateCredentialReportCommand, GetCredentialReportCommand, type IAMClient } from '@aws-sdk/client-iam';
import { call, sleep, UnreadableResponseError, type CredentialReportPolling, type FailureLog } from '../context.js';
import { isoOrNull } from '../dates.js';
import type { CredentialRow } from '../snapshot.js';
import { parseCredentialReport } from './credential-report-rows.js';

export interface CredentialReport {
  generatedAt: string;
  rows: CredentialRow[];
}

const GENERATE = { service: 'iam', operation: 'GenerateCredentialReport' } as const;
const GET = { service: 'iam', operation: 'GetCredentialReport' } as const;

async function waitUntilComplete(iam: IAMClient, failures: FailureLog, polling: CredentialReportPolling): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { State } = await call(failures, GENERATE, () => iam.send(new GenerateCredentialReportCommand({})));
    if (State === 'COMPLETE') return;
    if (attempt >= polling.maxTries) {
      const err = new UnreadableResponseError(`the credential report was not ready after ${attempt} tries (state ${State ?? 'unknown'})`, 'ReportNotReady');
      throw failures.record(GENERATE.service, GENERATE.operation, err);
    }
    await sleep(Math.min(polling.maxDelayMs, polling.delayMs * 2 ** (attempt - 1)));
  }
}

const decode = (content: Uint8Array | string | undefined): string =>
  content === undefined ? '' : typeof content === 'string' ? Buffer.from(content, 'base64').toString('utf8') : Buffer.from(content).toString('utf8');

export async function collectCredentialReport(
  iam: IAMClient,
  failures: FailureLog,
  polling: CredentialReportPolling,
  now: () => Date,
): Promise<CredentialReport> {
  await waitUntilComplete(iam, failures, polling);
  return call(failures, GET, async () => {
    const out = await iam.send(new GetCredentialReportCommand({}));
    return { generatedAt: isoOrNull(out.GeneratedTime) ?? now().toISOString(), rows: parseCredentialReport(decode(out.Content)) };
  });
}
