// `rampart creds`: (1) how long an offline `creds audit` takes as ~/.aws grows, against the SDK's own parser alone;
// (2) how long a rotation takes when new keys need some seconds before STS accepts them, and how much the
// doubling waits overshoot that moment. Runs src/creds in-process against the emulator; temporary HOME dirs.
// Run: npm run bench:creds [-- --profiles 10,1000,5000 --delays 0,3,8]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { auditCreds } from '../src/creds/audit.js';
import { credsAws } from '../src/creds/aws.js';
import { rotateProfile } from '../src/creds/rotate.js';
import { startEmulator } from '../test/aws-emulator/index.js';
import { credsScenario, devCredentials } from '../test/creds/fixture.js';

const { values } = parseArgs({ options: { profiles: { type: 'string', default: '10,1000,5000' }, delays: { type: 'string', default: '0,3,8' } } });

function home(credentials: string, config: string): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-bench-creds-'));
  mkdirSync(join(dir, '.aws'), { mode: 0o700 });
  writeFileSync(join(dir, '.aws', 'credentials'), credentials, { mode: 0o600 });
  writeFileSync(join(dir, '.aws', 'config'), config, { mode: 0o600 });
  return { HOME: dir, PATH: process.env.PATH };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>, runs = 11): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

console.log('## creds audit (offline), median of 11\n\n| profiles | audit ms | SDK parse only ms | ratio |\n| ---: | ---: | ---: | ---: |');
for (const n of values.profiles.split(',').map(Number)) {
  const creds = Array.from({ length: n }, (_, i) => `[p${i}]\naws_access_key_id = AKIABENCH${String(i).padStart(11, '0')}\naws_secret_access_key = bench${i}\n`).join('\n');
  const config = Array.from({ length: n }, (_, i) => `[profile p${i}]\nregion = us-east-1\n${i % 3 ? '' : 'mfa_serial = arn:aws:iam::123456789012:mfa/u\n'}`).join('\n');
  const env = home(creds, config);
  const audit = await time(() => auditCreds({ env, now: new Date(), maxKeyAgeDays: 90, maxUnusedDays: 90 }));
  const sdk = await time(() => loadSharedConfigFiles({ filepath: join(env.HOME!, '.aws', 'credentials'), configFilepath: join(env.HOME!, '.aws', 'config'), ignoreCache: true }));
  console.log(`| ${n} | ${audit.toFixed(1)} | ${sdk.toFixed(1)} | ${(audit / sdk).toFixed(1)} |`);
}

console.log('\n## creds rotate, new key accepted by STS after D seconds (default waits: 1s doubling, capped at 4s)\n\n| D (s) | rotation s | STS calls | overshoot s |\n| ---: | ---: | ---: | ---: |');
for (const delay of values.delays.split(',').map(Number)) {
  const emu = await startEmulator({ scenario: credsScenario({ sts: { newKeyDelay: { seconds: delay } } }), now: new Date() });
  const env = { ...home(devCredentials, ''), AWS_ENDPOINT_URL: emu.endpoint };
  const t = performance.now();
  await rotateProfile(env, credsAws(env, 'us-east-1'), { profile: 'dev', graceSeconds: 0, now: new Date(), verify: { attempts: 10, delayMs: 1000 }, lockWaitMs: 0, say: () => undefined });
  const seconds = (performance.now() - t) / 1000;
  console.log(`| ${delay} | ${seconds.toFixed(1)} | ${emu.calls()['sts:GetCallerIdentity']} | ${Math.max(0, seconds - delay).toFixed(1)} |`);
  await emu.close();
}
