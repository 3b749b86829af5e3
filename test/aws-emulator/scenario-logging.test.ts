// The scenario keys of the logging and exposure services: what they refuse, and how per-region facts combine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError, type Scenario } from './scenario.js';
import { factsOf } from './scenario-regional.js';
import { CLEAN, LEAKY, NOW } from './test-helpers.js';
import { buildWorld } from './world.js';

const BASE: Scenario = { account: { id: '111111111111' }, root: { mfa: 'none' } };
const build = (extra: Partial<Scenario>) => buildWorld(parseScenario({ ...BASE, ...extra }), NOW);

describe('scenario: trails and buckets', () => {
  it('derives ARNs and owners', () => {
    const world = build({
      trails: [
        { name: 'main', multiRegion: true, bucket: 'logs' },
        { name: 'org', homeRegion: 'eu-west-1', multiRegion: true, organization: true, account: '999999999999', bucket: 'archive' },
      ],
      buckets: [{ name: 'logs', policy: { Version: '2012-10-17', Statement: [] } }],
    });
    expect(world.logging.trails.map((t) => [t.arn, t.account])).toEqual([
      ['arn:aws:cloudtrail:us-east-1:111111111111:trail/main', '111111111111'],
      ['arn:aws:cloudtrail:eu-west-1:999999999999:trail/org', '999999999999'],
    ]);
    expect(world.logging.buckets[0]).toMatchObject({ owner: '111111111111', region: 'us-east-1', policy: '{"Version":"2012-10-17","Statement":[]}' });
  });

  it.each([
    ['both kinds of selectors', { trails: [{ name: 'x1x', bucket: 'b1b', eventSelectors: [{}], advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }] }] }] }, /basic or advanced/],
    ['a single-region organization trail', { trails: [{ name: 'org', bucket: 'b1b', organization: true }] }, /organization trail is multi-region/],
    ['a bad bucket name', { buckets: [{ name: 'Bad_Bucket' }] }, /bucket name/],
    ['a misspelt field', { buckets: [{ name: 'b1b', publicAccesBlock: null }] }, /publicAccesBlock/],
    ['a bad region key', { regional: { 'mars-1': {} } }, /regional\["mars-1"\]/],
  ] as [string, Partial<Scenario>, RegExp][])('refuses %s', (_what, extra, message) => {
    expect(() => build(extra)).toThrow(ScenarioError);
    expect(() => build(extra)).toThrow(message);
  });

  it("refuses another account's trail that is not an organization trail, and duplicates", () => {
    expect(() => build({ trails: [{ name: 'foreign', bucket: 'b1b', account: '999999999999' }] })).toThrow(/only an organization trail/);
    expect(() => build({ buckets: [{ name: 'b1b' }, { name: 'b1b' }] })).toThrow(/duplicate bucket b1b/);
  });
});

describe('scenario: regional facts', () => {
  it("gives a region its own fields over the wildcard's, field by field", () => {
    const world = build({
      regional: {
        '*': { guardDutyDetectors: [{}], securityHub: {}, configRules: ['iam-password-policy'] },
        'eu-west-1': { guardDutyDetectors: [], securityHub: null },
      },
    });
    expect(factsOf(world.regional, 'eu-west-1')).toMatchObject({ guardDutyDetectors: [], securityHub: null, configRules: ['iam-password-policy'] });
    expect(factsOf(world.regional, 'us-east-1').guardDutyDetectors).toHaveLength(1);
    expect(factsOf({}, 'us-east-1')).toEqual({});
  });

  it('the shipped scenarios: clean has Config and detection everywhere, leaky nowhere', () => {
    const clean = buildWorld(parseScenario(JSON.parse(readFileSync(CLEAN, 'utf8'))), NOW);
    const facts = factsOf(clean.regional, 'ap-northeast-3');
    expect(facts.configRules).toHaveLength(6);
    expect(facts.configRecorders?.[0]).toMatchObject({ allSupported: true, recording: true });
    expect(facts.guardDutyDetectors?.[0]?.status).toBe('ENABLED');
    expect(clean.logging.trails[0]).toMatchObject({ multiRegion: true, logging: true, logFileValidation: true });

    const leaky = buildWorld(parseScenario(JSON.parse(readFileSync(LEAKY, 'utf8'))), NOW);
    expect(leaky.logging.trails).toEqual([]);
    expect(factsOf(leaky.regional, 'eu-west-1')).toEqual({});
    expect(factsOf(leaky.regional, 'us-east-1').kmsKeys?.[0]).toMatchObject({ manager: 'CUSTOMER', rotation: false });
  });
});
