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

export interface EmulatedEnvironment {
  /** Starts an emulator and points the AWS_* variables at it (AWS_ENDPOINT_URL), signed with `accessKeyId`. */
  emulate(scenario: Scenario | string, accessKeyId: string, options?: Omit<EmulatorOptions, 'scenario'>): Promise<Emulator>;
  /** Starts an emulator and leaves the endpoint and the credentials to the test. */
  start(scenario: Scenario | string, options?: Omit<EmulatorOptions, 'scenario'>): Promise<Emulator>;
  /** Signs with `accessKeyId` (and a secret that is no canary). */
  useKeys(accessKeyId: string): void;
  /** Closes `emulator` now, so its endpoint refuses connections; the hooks do not close it again. */
  stop(emulator: Emulator): Promise<void>;
  /** The test's own folder of the shared files `config` and `credentials` (both empty at the start of each test). */
  readonly awsDir: string;
}

/**
 * Registers the hooks: before each test, every AWS_* variable of the machine is unset, the shared files are empty
 * ones of the test's own and instance metadata is off; AWS_REGION is `region` (null: left unset). After each test,
 * the variables are restored and the emulators closed.
 */
export function useEmulatedEnvironment({ region = 'us-east-1' }: { region?: string | null } = {}): EmulatedEnvironment {
  const emulators: Emulator[] = [];
  let awsDir = '';
  beforeEach(() => {
    awsDir = mkdtempSync(join(tmpdir(), 'rampart-emulated-'));
    writeFileSync(join(awsDir, 'config'), '');
    writeFileSync(join(awsDir, 'credentials'), '');
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) vi.stubEnv(name, undefined);
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
    vi.stubEnv('AWS_CONFIG_FILE', join(awsDir, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(awsDir, 'credentials'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    if (region !== null) vi.stubEnv('AWS_REGION', region);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await Promise.all(emulators.splice(0).map((e) => e.close()));
  });
  const env: EmulatedEnvironment = {
    async start(scenario, options = {}) {
      const emu = await startEmulator({ now: NOW, ...options, scenario });
      emulators.push(emu);
      return emu;
    },
    useKeys(accessKeyId) {
      vi.stubEnv('AWS_ACCESS_KEY_ID', accessKeyId);
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test-secret-not-a-canary');
    },
    async stop(emulator) {
      const i = emulators.indexOf(emulator);
      if (i >= 0) emulators.splice(i, 1);
      await emulator.close();
    },
    async emulate(scenario, accessKeyId, options = {}) {
      const emu = await env.start(scenario, options);
      vi.stubEnv('AWS_ENDPOINT_URL', emu.endpoint);
      env.useKeys(accessKeyId);
      return emu;
    },
    get awsDir() {
      return awsDir;
    },
  };
  return env;
}
