// config-rules (seed 003 "Enable Config Rules"): six AWS managed rules that keep re-checking what the seed set up.
// A rule is found by its managed-rule identifier (conformance packs and Security Hub give them other names) or by the
// seed's name. Rules only run where a recorder exists, so regions without one are config-recorder's business and get
// no result here. Where the rules must be:
// - the two S3 rules judge buckets, which Config records in their own region: in every region Config records;
// - the four account-wide ones (root keys, console MFA, password policy, CloudTrail) judge account-wide facts: one
//   recording region is enough, and AWS advises against duplicating them, so a region is not failed for their absence
//   as long as some recording region has them.
import type { ConfigRule } from '../../inventory/schema/regional.js';
import type { AccountSnapshot } from '../../inventory/snapshot.js';
import { accountResource, fail, pass, unknownInRegion } from '../support.js';
import type { Check, Outcome, Remediation } from '../types.js';
import { DESCRIBE_RECORDERS } from './config-recorder.js';
import { auditedRegions } from './regions.js';
import { listing } from './text.js';

const DESCRIBE_RULES = 'config:DescribeConfigRules';

interface SeedRule {
  name: string;
  identifier: string;
  /** true: needed in every recording region; false: in one. */
  regional: boolean;
}

export const SEED_RULES: readonly SeedRule[] = [
  { name: 'root-access-key-check', identifier: 'IAM_ROOT_ACCESS_KEY_CHECK', regional: false },
  { name: 'mfa-enabled-for-iam-console-access', identifier: 'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS', regional: false },
  { name: 'iam-password-policy', identifier: 'IAM_PASSWORD_POLICY', regional: false },
  { name: 'cloudtrail-enabled', identifier: 'CLOUD_TRAIL_ENABLED', regional: false },
  { name: 's3-bucket-public-read-prohibited', identifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED', regional: true },
  { name: 's3-bucket-public-write-prohibited', identifier: 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED', regional: true },
];

const putRule = (rule: SeedRule, region: string): string =>
  `aws configservice put-config-rule --region ${region} --config-rule '{"ConfigRuleName":"${rule.name}","Source":{"Owner":"AWS","SourceIdentifier":"${rule.identifier}"}}'`;

const remediation = (rules: readonly SeedRule[] = SEED_RULES, region = '<region>'): Remediation => ({
  summary:
    `Add the AWS managed Config rules ${listing(rules.map((r) => r.name))} in ${region === '<region>' ? 'a region where Config records' : region}. ` +
    'The S3 rules belong in every region Config records (buckets are judged in their own region); the account-wide rules in one region. Each rule evaluation is billed.',
  console: [`AWS Config (in ${region}) > Rules > Add rule`, 'AWS managed rule: search the rule name, select it, Next, keep the default parameters, Next, Add rule; repeat for each'],
  cli: rules.map((r) => putRule(r, region)),
});

/** The rule is there (not being deleted), by identifier or by name. */
const has = (rules: ConfigRule[], seed: SeedRule): boolean =>
  rules.some(
    (r) => !(r.state ?? '').startsWith('DELETING') && (r.sourceIdentifier === seed.identifier || r.name.toLowerCase() === seed.name),
  );

/** The region that answers for the account-wide rules: one recording global resource types, else us-east-1, else the first. */
function pickHome(snapshot: AccountSnapshot, recording: string[]): string {
  const global = recording.find((r) => snapshot.regional[r]?.configRecorders?.some((c) => c.includeGlobalResourceTypes));
  return global ?? (recording.includes('us-east-1') ? 'us-east-1' : recording[0]!);
}

export const configRules: Check = {
  id: 'config-rules',
  title: "AWS Config has seed 003's six rules",
  area: 'logging',
  severity: 'low',
  sources: ['seed 003'],
  remediation: remediation(),
  evaluate(snapshot: AccountSnapshot): Outcome[] {
    const read = auditedRegions(snapshot);
    if (!read.ok) return [read.outcome];
    const out: Outcome[] = [];
    /** Regions Config records in (a recorder exists), with their rules; undefined rules: not collected. */
    const recording: { region: string; rules: ConfigRule[] | undefined }[] = [];
    for (const region of read.regions) {
      const facts = snapshot.regional[region];
      if (!facts?.configRecorders) out.push(unknownInRegion(snapshot, region, [DESCRIBE_RECORDERS], region));
      else if (facts.configRecorders.length > 0) recording.push({ region, rules: facts.configRules });
    }
    if (recording.length === 0) {
      if (out.length) return out;
      return [fail(accountResource(snapshot), `AWS Config records in none of the ${read.regions.length} audited regions, so no rule can run; see config-recorder`)];
    }

    const known = recording.filter((r): r is { region: string; rules: ConfigRule[] } => r.rules !== undefined);
    const blind = recording.filter((r) => r.rules === undefined).map((r) => r.region);
    const accountWide = SEED_RULES.filter((s) => !s.regional);
    const homes = (seed: SeedRule) => known.filter((r) => has(r.rules, seed)).map((r) => r.region);
    const nowhere = accountWide.filter((s) => homes(s).length === 0);
    // Account-wide rules missing everywhere are one problem, reported once: in the region recording global resources.
    const home = pickHome(snapshot, recording.map((r) => r.region));

    for (const { region, rules } of recording) {
      if (!rules) {
        out.push(unknownInRegion(snapshot, region, [DESCRIBE_RULES], region));
        continue;
      }
      const here = SEED_RULES.filter((s) => s.regional && !has(rules, s));
      const owed = region === home ? nowhere : [];
      // An account-wide rule seen nowhere may still be in a region whose rules could not be read.
      if (here.length === 0 && owed.length > 0 && blind.length > 0) {
        const o = unknownInRegion(snapshot, region, [DESCRIBE_RULES], blind[0]!);
        out.push({ ...o, resource: region, message: `${o.message}; ${listing(owed.map((s) => s.name))} found in no other region` });
        continue;
      }
      const missing = [...here, ...(blind.length ? [] : owed)];
      if (missing.length > 0) {
        const text = [...here.map((s) => `${s.name} (needed in each region Config records)`), ...missing.filter((s) => !s.regional).map((s) => `${s.name} (in no region)`)];
        out.push(fail(region, `missing Config rules in ${region}: ${text.join(', ')}`, remediation(missing, region)));
        continue;
      }
      const elsewhere = accountWide.filter((s) => !has(rules, s));
      const found = elsewhere.filter((s) => homes(s).length > 0);
      const lacking = elsewhere.filter((s) => homes(s).length === 0);
      const parts = [
        elsewhere.length === 0 ? 'all six here' : 'the S3 rules here',
        ...(found.length ? [`${listing(found.map((s) => s.name))} in ${listing([...new Set(found.flatMap(homes))])}`] : []),
        ...(lacking.length ? [`${listing(lacking.map((s) => s.name))} in no region (failed in ${home})`] : []),
      ];
      const where = parts.join('; ');
      out.push(pass(region, `Config rules of seed 003: ${where}`));
    }
    return out;
  },
};
