// docs/permissions.md lists the actions apply calls: this plans a brand-new account with every section of the
// example spec on, and compares. On a difference it prints the table's rows as they should be.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../aws/session.js';
import { actionRows, actionsOf } from './actions.js';
import { loadSpec } from './load-spec.js';
import { callerOf, makePlan, planRegions } from './plan.js';
import { collectSnapshot } from '../inventory/collect.js';
import { useEmulatedEnvironment } from '../../test/aws-emulator/emulated-env.js';
import { readScenario } from '../../test/aws-emulator/test-helpers.js';
import type { Scenario } from '../../test/aws-emulator/scenario.js';

const SECTION = '## `rampart plan` and `rampart apply`';
const OPS_KEY = 'AKIAOPS0000000000001';

/** The actions in the section's table, in the order written. */
function documentedActions(): string[] {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/permissions.md'), 'utf8');
  const start = doc.indexOf(SECTION);
  expect(start, `docs/permissions.md has no section "${SECTION}"`).toBeGreaterThanOrEqual(0);
  const rest = doc.slice(start + SECTION.length);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

const env = useEmulatedEnvironment();

describe('actionsOf', () => {
  it('sorts the actions and names the kinds of step that call them', () => {
    const steps = [
      { id: 'admin-user:alice', actions: ['iam:CreateUser', 'iam:CreateLoginProfile'] },
      { id: 'admin-user:bob', actions: ['iam:CreateUser'] },
      { id: 'guardduty:eu-west-1', actions: ['guardduty:CreateDetector'] },
    ];
    expect(actionRows(actionsOf(steps))).toEqual(['| `guardduty:CreateDetector` | guardduty |', '| `iam:CreateLoginProfile` | admin-user |', '| `iam:CreateUser` | admin-user |']);
  });
});

describe('docs/permissions.md', () => {
  it('lists exactly the actions of a plan for a new account', async () => {
    const scenario: Scenario = {
      ...readScenario('empty-account'),
      users: [{ name: 'ops', created: '-1d', accessKeys: [{ id: OPS_KEY, secret: 'ops-secret', status: 'Active', created: '-1d' }], attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] }] as Scenario['users'],
    };
    await env.emulate(scenario, OPS_KEY);
    const spec = await loadSpec(join(import.meta.dirname, '../../examples/rampart.yaml'));
    const session = createSession();
    try {
      const snapshot = await collectSnapshot(session, { regions: spec.regions });
      const steps = makePlan({ snapshot, spec, caller: callerOf(snapshot, OPS_KEY), regions: planRegions(snapshot, spec, session.region) });
      const actions = actionsOf(steps);
      const rows = actionRows(actions);
      expect(documentedActions(), `the table in docs/permissions.md should read:\n${rows.join('\n')}\n`).toEqual([...actions.keys()]);
    } finally {
      session.close();
    }
  });
});
