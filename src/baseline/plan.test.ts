import { describe, expect, it } from 'vitest';
import { snapshot } from '../../test/fixtures/snapshot.js';
import { ADMIN_CALLER, planContext, planner, ROOT_CALLER, step } from '../../test/fixtures/steps.js';
import { specSchema } from './spec.js';
import { callerOf, makePlan, orderByDependencies, planRegions } from './plan.js';

const ids = (steps: { id: string }[]) => steps.map((s) => s.id);

describe('makePlan', () => {
  it('keeps the planners order when nothing depends on a later step', () => {
    const plan = makePlan(planContext(), [planner('a', step('a1'), step('a2')), planner('b', step('b1'))]);
    expect(ids(plan)).toEqual(['a1', 'a2', 'b1']);
  });

  it('puts a step after the steps it depends on, and moves nothing else', () => {
    const plan = makePlan(planContext(), [
      planner('first', step('alarm', { dependsOn: ['topic', 'trail'] }), step('x')),
      planner('second', step('topic'), step('y'), step('trail', { dependsOn: ['bucket'] }), step('bucket')),
    ]);
    expect(ids(plan)).toEqual(['x', 'topic', 'y', 'bucket', 'trail', 'alarm']);
  });

  it('ignores a dependency on a step that is not planned (its section is off)', () => {
    expect(ids(orderByDependencies([step('a', { dependsOn: ['gone'] }), step('b')]))).toEqual(['a', 'b']);
  });

  it('refuses duplicate ids and cycles as the bugs they are', () => {
    expect(() => makePlan(planContext(), [planner('a', step('same')), planner('b', step('same'))])).toThrow(/two planned steps have the id "same"/);
    expect(() => orderByDependencies([step('a', { dependsOn: ['b'] }), step('b', { dependsOn: ['a'] })])).toThrow(/cycle: a, b/);
  });

  it('as root, refuses every change that is not the first-day bootstrap, and names the admin to sign in as', () => {
    const spec = specSchema.parse({ admins: { users: ['alice'] } });
    const plan = makePlan(planContext({ caller: ROOT_CALLER, spec }), [
      planner(
        'p',
        step('admin-user:alice', { rootAllowed: true }),
        step('trail'),
        step('alias', { kind: 'update' }),
        step('policy', { kind: 'noop' }),
        step('root-mfa', { kind: 'manual', manual: { console: ['...'], verify: 'rampart audit --check root-mfa' } }),
        step('guarded', { refused: 'would lock you out' }),
      ),
    ]);
    const byId = Object.fromEntries(plan.map((s) => [s.id, s.refused]));
    const refusal = 'runs as your admin user, not root: sign in as alice and run rampart apply again';
    expect(byId).toEqual({ 'admin-user:alice': undefined, trail: refusal, alias: refusal, policy: undefined, 'root-mfa': undefined, guarded: 'would lock you out' });
  });

  it('as an admin user, refuses nothing itself', () => {
    const plan = makePlan(planContext({ caller: ADMIN_CALLER }), [planner('p', step('trail'))]);
    expect(plan[0]?.refused).toBeUndefined();
  });
});

describe('callerOf', () => {
  const withCaller = (arn: string) => snapshot({ caller: { arn, userId: 'X', account: '123456789012' } });

  it('knows root, users (with paths) and assumed roles', () => {
    expect(callerOf(withCaller('arn:aws:iam::123456789012:root'), 'ASIAROOT')).toEqual({ arn: 'arn:aws:iam::123456789012:root', isRoot: true, userName: null, longTermKeys: false });
    expect(callerOf(withCaller('arn:aws:iam::123456789012:user/team/alice'), 'AKIAALICE')).toEqual({
      arn: 'arn:aws:iam::123456789012:user/team/alice',
      isRoot: false,
      userName: 'alice',
      longTermKeys: true,
    });
    expect(callerOf(withCaller('arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com'), 'ASIAX')).toMatchObject({ isRoot: false, userName: null, longTermKeys: false });
    expect(callerOf(withCaller('arn:aws-us-gov:iam::123456789012:root'))).toMatchObject({ isRoot: true, longTermKeys: false });
  });

  it('needs the caller in the snapshot', () => {
    expect(() => callerOf(snapshot())).toThrow(/does not say who collected it/);
  });
});

describe('planRegions', () => {
  it('takes the regions collected, then the spec, then the home region', () => {
    const regions = { enabled: ['us-east-1', 'eu-west-1'], notEnabled: [], audited: ['eu-west-1'] };
    expect(planRegions(snapshot({ regions }), specSchema.parse({ regions: ['eu-west-1', 'ap-east-1'] }), 'us-east-1')).toEqual(['eu-west-1']);
    expect(planRegions(snapshot(), specSchema.parse({ regions: ['eu-west-1'] }), 'us-east-1')).toEqual(['eu-west-1']);
    expect(planRegions(snapshot(), specSchema.parse({}), 'us-east-2')).toEqual(['us-east-2']);
  });
});
