// For collector tests: the emulator configured only by environment variables, as a user's LocalStack or moto
// would be, with nothing of the machine running the tests leaking in (no profile, no endpoint, no instance metadata).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from './index.js';
import type { Scenario } from './scenario.js';
import { NOW } from './test-helpers.js';

/** The scenario's planted secrets: access key secrets and console passwords. */
export function canaries(scenario: Scenario): string[] {
  const keys = [...(scenario.root.accessKeys ?? []), ...(scenario.users ?? []).flatMap((u) => u.accessKeys ?? [])];
  return [...keys.map((k) => k.secret), ...(scenario.users ?? []).flatMap((u) => (u.password ? [u.password.value] : []))];
}

/** Registers the hooks; `emulate` starts an emulator and points the AWS_* variables at it, signed with `accessKeyId`. */
export function useEmulatedEnvironment(): {
  emulate(scenario: Scenario | string, accessKeyId: string, options?: Omit<EmulatorOptions, 'scenario'>): Promise<Emulator>;
} {
  const emulators: Emulator[] = [];
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-emulated-'));
    writeFileSync(join(dir, 'config'), '');
    writeFileSync(join(dir, 'credentials'), '');
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) vi.stubEnv(name, undefined);
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    vi.stubEnv('AWS_REGION', 'us-east-1');
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await Promise.all(emulators.splice(0).map((e) => e.close()));
  });
  return {
    async emulate(scenario, accessKeyId, options = {}) {
      const emu = await startEmulator({ now: NOW, ...options, scenario });
      emulators.push(emu);
      vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint);
      vi.stubEnv('AWS_ACCESS_KEY_ID', accessKeyId);
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test-secret-not-a-canary');
      return emu;
    },
  };
}
