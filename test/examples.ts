// The examples shipped in examples/ are snapshots of the emulator's scenario accounts at a fixed moment.
import { join } from 'node:path';
import { createSession } from '../src/aws/session.js';
import { collectSnapshot } from '../src/inventory/collect.js';
import type { AccountSnapshot } from '../src/inventory/snapshot.js';
import { startEmulator } from './aws-emulator/index.js';

export const EXAMPLES = ['leaky-account', 'clean-account'] as const;
export type Example = (typeof EXAMPLES)[number];
export const EXAMPLE_TIME = new Date('2026-06-15T12:00:00Z');
const CALLERS: Record<Example, string> = { 'leaky-account': 'AKIADEVADMIN00000001', 'clean-account': 'AKIACLEANCI000000001' };

export async function collectExample(example: Example): Promise<AccountSnapshot> {
  const emu = await startEmulator({ scenario: join(import.meta.dirname, 'aws-emulator/scenarios', `${example}.json`), now: EXAMPLE_TIME });
  const saved = { ...process.env };
  try {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: emu.endpoint,
      AWS_ACCESS_KEY_ID: CALLERS[example],
      AWS_SECRET_ACCESS_KEY: 'example-not-a-secret',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    delete process.env.AWS_PROFILE;
    const session = createSession({});
    return await collectSnapshot(session, { now: () => EXAMPLE_TIME, credentialReport: { delayMs: 1, maxDelayMs: 5 } });
  } finally {
    process.env = saved;
    await emu.close();
  }
}
