// The benchmark account: the hardened scenario (everything on, in 17 regions) with a large generated identity
// population (users, roles, groups, policies) merged into it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../test/aws-emulator/scenario.js';
import { largeScenario } from '../../test/aws-emulator/scenarios/generate.js';

export function hardenedLargeScenario(size: { users: number; roles: number; policies: number }): { scenario: Scenario; callerKey: string } {
  const clean = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/aws-emulator/scenarios/clean-account.json'), 'utf8')) as Scenario;
  const large = largeScenario({ ...size, accountId: clean.account.id });
  const scenario: Scenario = {
    ...clean,
    users: [...(clean.users ?? []), ...(large.users ?? [])],
    groups: [...(clean.groups ?? []), ...(large.groups ?? [])],
    roles: [...(clean.roles ?? []), ...(large.roles ?? [])],
    policies: [...(clean.policies ?? []), ...(large.policies ?? [])],
  };
  const key = (clean.users ?? []).flatMap((u) => u.accessKeys ?? []).find((k) => k.status !== 'Inactive' && k.active !== false);
  if (!key) throw new Error('the hardened scenario has no active key to call with');
  return { scenario, callerKey: key.id };
}
