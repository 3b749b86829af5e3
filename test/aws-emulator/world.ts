// The account as the services see it: the scenario with dates resolved against the clock, ids and ARNs
// derived, references checked. Built once per emulator; services read it (and may change it).
import { createHash } from 'node:crypto';
import { AWS_MANAGED_POLICIES } from './aws-managed-policies.js';
import { resolveDate, truncateToSecond } from './dates.js';
import { ScenarioError, type ParsedScenario, type PolicyDocumentInput, type ScenarioAccessKey } from './scenario.js';
import type { RegionFacts } from './scenario-regional.js';
import { buildCostWorld, buildRegions, type CostWorld, type RegionState } from './world-cost.js';
import { buildLoggingWorld, type LoggingWorld } from './world-logging.js';
import { buildTrailWorld, type TrailWorld } from './world-trail.js';
import { buildStsWorld, type StsWorld } from './world-sts.js';

export interface AccessKey {
  readonly id: string;
  /** Never leaves the emulator: no API returns it. */
  readonly secret: string;
  active: boolean;
  readonly created: Date;
  lastUsed: { date: Date; region: string; service: string } | null;
}

export interface MfaDevice {
  readonly serial: string;
  readonly virtual: boolean;
  readonly enabled: Date;
}

/** Documents are kept as the JSON text AWS would store (services URL-encode it on the way out). */
export interface InlinePolicy {
  readonly name: string;
  readonly document: string;
}

interface Principal {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly arn: string;
  readonly created: Date;
  attachedPolicies: string[];
  inlinePolicies: InlinePolicy[];
}

export interface User extends Principal {
  /** The console password (login profile); `resetRequired`: must be changed at the next sign-in. */
  password: { readonly value: string; readonly created: Date; lastUsed: Date | null; readonly resetRequired?: boolean } | null;
  mfaDevices: MfaDevice[];
  accessKeys: AccessKey[];
  groups: string[];
  permissionsBoundary: string | null;
  tags: Record<string, string>;
}

export type Group = Principal;

export interface Role extends Principal {
  readonly description: string | null;
  readonly trustPolicy: string;
  readonly maxSessionDuration: number;
  lastUsed: { date: Date; region: string } | null;
  permissionsBoundary: string | null;
  tags: Record<string, string>;
}

export interface PolicyVersion {
  readonly id: string;
  readonly document: string;
  readonly created: Date;
  readonly isDefault: boolean;
}

export interface ManagedPolicy {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly arn: string;
  readonly awsManaged: boolean;
  readonly description: string | null;
  readonly created: Date;
  readonly updated: Date;
  versions: PolicyVersion[];
}

export interface ServerCertificate {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly arn: string;
  readonly uploaded: Date;
  readonly expiration: Date;
}

export interface Caller {
  readonly arn: string;
  readonly userId: string;
  readonly account: string;
  /** The IAM user calling, if any (ListAccessKeys & co default to it). */
  readonly userName: string | null;
  readonly isRoot: boolean;
}

export type ContactType = 'BILLING' | 'SECURITY' | 'OPERATIONS';
export interface Contact {
  readonly name: string;
  readonly title: string;
  readonly emailAddress: string;
  readonly phoneNumber: string;
}

export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

/** The credential report's life: absent -> pending (some polls answer "not ready") -> ready. */
export interface CredentialReportState {
  readonly notReadyPolls: number;
  phase: 'absent' | 'pending' | 'ready';
  pollsLeft: number;
  generatedAt: Date | null;
}

export interface World {
  readonly now: Date;
  readonly account: { readonly id: string; alias: string | null; readonly partition: string; readonly created: Date };
  readonly root: {
    readonly arn: string;
    mfa: 'virtual' | 'hardware' | 'none';
    mfaSerial: string | null;
    mfaEnabled: Date | null;
    passwordLastUsed: Date | null;
    accessKeys: AccessKey[];
  };
  users: User[];
  groups: Group[];
  roles: Role[];
  /** Customer managed policies and the whole catalogue of AWS managed ones. */
  policies: ManagedPolicy[];
  passwordPolicy: ParsedScenario['passwordPolicy'];
  alternateContacts: Partial<Record<ContactType, Contact>>;
  serverCertificates: ServerCertificate[];
  s3PublicAccessBlock: PublicAccessBlock | null;
  callers: Map<string, Caller>;
  /** CloudTrail trails, S3 buckets, the organization (world-logging.ts). */
  readonly logging: LoggingWorld;
  /** CloudTrail events for LookupEvents (world-trail.ts). */
  readonly trail: TrailWorld;
  /** Every region of the partition with its opt-in state (world-cost.ts). */
  readonly regions: readonly RegionState[];
  /** Budgets, anomaly detection, CUR and data exports (world-cost.ts). */
  readonly cost: CostWorld;
  /** The scenario's per-region facts, `*` included; read them with factsOf, change them through ownFacts (services/region-facts.ts). */
  readonly regional: Readonly<Record<string, RegionFacts>>;
  readonly credentialReport: CredentialReportState;
  /** Keys still propagating, the MFA code, sessions (world-sts.ts). */
  readonly sts: StsWorld;
  readonly quirks: ParsedScenario['quirks'];
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** IAM unique ids look like AIDA + 17 characters; derived from the name so runs are reproducible. */
export function stableId(prefix: string, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\0')).digest();
  let id = prefix;
  for (let i = 0; id.length < prefix.length + 17; i++) id += ID_ALPHABET[(digest[i] as number) % 32];
  return id;
}

/** AWS stores a document as the text it was given; an object becomes pretty JSON, as the console writes it. */
function documentText(doc: PolicyDocumentInput): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 4);
}

export function buildWorld(scenario: ParsedScenario, now: Date): World {
  const at = (spec: string) => truncateToSecond(resolveDate(spec, now));
  const { id: account, partition } = scenario.account;
  const iamArn = (resource: string) => `arn:${partition}:iam::${account}:${resource}`;
  const problems: string[] = [];

  const key = (k: ScenarioAccessKey): AccessKey => ({
    id: k.id,
    secret: k.secret,
    active: k.active ?? (k.status ? k.status === 'Active' : true),
    created: at(k.created),
    lastUsed: k.lastUsed ? { date: at(k.lastUsed.date), region: k.lastUsed.region, service: k.lastUsed.service } : null,
  });
  const inline = (list: { name: string; document: PolicyDocumentInput }[]): InlinePolicy[] =>
    list.map((p) => ({ name: p.name, document: documentText(p.document) }));

  const policies: ManagedPolicy[] = [];
  const catalogue = new Map(AWS_MANAGED_POLICIES.map((p) => [p.name, p]));
  for (const extra of scenario.awsManagedPolicies) {
    catalogue.set(extra.name, {
      name: extra.name,
      path: extra.path,
      versionId: extra.versionId ?? 'v1',
      created: extra.created ?? '2015-02-06T18:39:46Z',
      updated: extra.created ?? '2015-02-06T18:39:46Z',
      document: typeof extra.document === 'string' ? JSON.parse(extra.document) : extra.document,
    });
  }
  for (const p of catalogue.values()) {
    const arn = `arn:${partition}:iam::aws:policy${p.path}${p.name}`;
    policies.push({
      name: p.name,
      path: p.path,
      id: stableId('ANPA', 'aws', p.name),
      arn,
      awsManaged: true,
      description: null,
      created: at(p.created),
      updated: at(p.updated),
      versions: [{ id: p.versionId, document: documentText(p.document), created: at(p.updated), isDefault: true }],
    });
  }
  for (const p of scenario.policies) {
    const versions = [...p.versions.map((v) => ({ document: v.document, created: v.created })), { document: p.document, created: p.created }];
    const created = at(p.versions[0]?.created ?? p.created);
    policies.push({
      name: p.name,
      path: p.path,
      id: p.id ?? stableId('ANPA', account, 'policy', p.name),
      arn: iamArn(`policy${p.path}${p.name}`),
      awsManaged: false,
      description: p.description ?? null,
      created,
      updated: at(p.created),
      versions: versions.map((v, i) => ({
        id: `v${i + 1}`,
        document: documentText(v.document),
        created: at(v.created),
        isDefault: i === versions.length - 1,
      })),
    });
  }
  const policyArns = new Set(policies.map((p) => p.arn));
  const checkArns = (owner: string, arns: string[]) => {
    for (const arn of arns) if (!policyArns.has(arn)) problems.push(`${owner}: no managed policy ${arn}`);
  };

  const groups: Group[] = scenario.groups.map((g) => {
    checkArns(`group ${g.name}`, g.attachedPolicies);
    return {
      name: g.name,
      path: g.path,
      id: g.id ?? stableId('AGPA', account, 'group', g.name),
      arn: iamArn(`group${g.path}${g.name}`),
      created: at(g.created),
      attachedPolicies: [...g.attachedPolicies],
      inlinePolicies: inline(g.inlinePolicies),
    };
  });
  const groupNames = new Set(groups.map((g) => g.name));

  const users: User[] = scenario.users.map((u) => {
    checkArns(`user ${u.name}`, u.attachedPolicies);
    if (u.permissionsBoundary) checkArns(`user ${u.name} boundary`, [u.permissionsBoundary]);
    for (const g of u.groups) if (!groupNames.has(g)) problems.push(`user ${u.name}: no group ${g}`);
    return {
      name: u.name,
      path: u.path,
      id: u.id ?? stableId('AIDA', account, 'user', u.name),
      arn: iamArn(`user${u.path}${u.name}`),
      created: at(u.created),
      password: u.password
        ? { value: u.password.value, created: at(u.password.created), lastUsed: u.password.lastUsed ? at(u.password.lastUsed) : null }
        : null,
      mfaDevices: u.mfa.map((d, i) => ({
        serial: d.serial ?? (d.type === 'virtual' ? iamArn(`mfa/${u.name}${i ? `-${i + 1}` : ''}`) : `GAHT${stableId('', u.name, String(i)).slice(0, 8)}`),
        virtual: d.type === 'virtual',
        enabled: at(d.enabled ?? u.created),
      })),
      accessKeys: u.accessKeys.map(key).sort((a, b) => a.created.getTime() - b.created.getTime()),
      groups: [...u.groups],
      attachedPolicies: [...u.attachedPolicies],
      inlinePolicies: inline(u.inlinePolicies),
      permissionsBoundary: u.permissionsBoundary ?? null,
      tags: { ...u.tags },
    };
  });

  const roles: Role[] = scenario.roles.map((r) => {
    checkArns(`role ${r.name}`, r.attachedPolicies);
    if (r.permissionsBoundary) checkArns(`role ${r.name} boundary`, [r.permissionsBoundary]);
    return {
      name: r.name,
      path: r.path,
      id: r.id ?? stableId('AROA', account, 'role', r.name),
      arn: iamArn(`role${r.path}${r.name}`),
      created: at(r.created),
      description: r.description ?? null,
      trustPolicy: documentText(r.trustPolicy),
      maxSessionDuration: r.maxSessionDuration,
      attachedPolicies: [...r.attachedPolicies],
      inlinePolicies: inline(r.inlinePolicies),
      lastUsed: r.lastUsed ? { date: at(r.lastUsed.date), region: r.lastUsed.region } : null,
      permissionsBoundary: r.permissionsBoundary ?? null,
      tags: { ...r.tags },
    };
  });

  const root = {
    arn: iamArn('root'),
    mfa: scenario.root.mfa,
    mfaSerial:
      scenario.root.mfa === 'none'
        ? null
        : (scenario.root.mfaSerial ?? (scenario.root.mfa === 'virtual' ? iamArn('mfa/root-account-mfa-device') : `GAHT${stableId('', account, 'root').slice(0, 8)}`)),
    mfaEnabled: scenario.root.mfa === 'none' ? null : at(scenario.root.mfaEnabled ?? scenario.account.created),
    passwordLastUsed: scenario.root.passwordLastUsed ? at(scenario.root.passwordLastUsed) : null,
    accessKeys: scenario.root.accessKeys.map(key).sort((a, b) => a.created.getTime() - b.created.getTime()),
  };

  for (const [kind, names] of [
    ['user', users.map((u) => u.name)],
    ['group', groups.map((g) => g.name)],
    ['role', roles.map((r) => r.name)],
    ['policy', scenario.policies.map((p) => p.name)],
    ['access key', [...root.accessKeys, ...users.flatMap((u) => u.accessKeys)].map((k) => k.id)],
  ] as const) {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) problems.push(`duplicate ${kind} ${n}`);
      seen.add(n);
    }
  }
  const logging = buildLoggingWorld(scenario, problems, now);
  const regions = buildRegions(scenario, problems);
  const cost = buildCostWorld(scenario, now, problems);
  if (problems.length) throw new ScenarioError(`scenario references are inconsistent:\n- ${problems.join('\n- ')}`);

  const world: World = {
    now,
    account: { id: account, alias: scenario.account.alias, partition, created: at(scenario.account.created) },
    root,
    users,
    groups,
    roles,
    policies,
    passwordPolicy: scenario.passwordPolicy,
    alternateContacts: Object.fromEntries(
      Object.entries(scenario.alternateContacts).filter((entry): entry is [ContactType, Contact] => entry[1] != null),
    ),
    serverCertificates: scenario.serverCertificates.map((c) => ({
      name: c.name,
      path: c.path,
      id: c.id ?? stableId('ASCA', account, 'cert', c.name),
      arn: iamArn(`server-certificate${c.path}${c.name}`),
      uploaded: at(c.uploaded),
      expiration: at(c.expiration),
    })),
    s3PublicAccessBlock: scenario.s3PublicAccessBlock,
    callers: new Map(),
    logging,
    trail: buildTrailWorld(scenario.cloudTrailEvents.events, scenario.cloudTrailEvents.lookupRateLimit, now),
    regions,
    cost,
    // A copy: the write operations change it, and a scenario's defaults may be shared between emulators.
    regional: structuredClone(scenario.regional),
    credentialReport: {
      notReadyPolls: scenario.credentialReport.notReadyPolls,
      phase: scenario.credentialReport.preGenerated ? 'ready' : 'absent',
      pollsLeft: 0,
      generatedAt: scenario.credentialReport.preGenerated ? truncateToSecond(now) : null,
    },
    sts: buildStsWorld(scenario),
    quirks: scenario.quirks,
  };
  world.callers = buildCallers(world, scenario.callers);
  return world;
}

const SESSION = 'emulator-session';

/** Who each access key id is: active keys of users and root, plus the scenario's explicit callers. */
function buildCallers(world: World, explicit: ParsedScenario['callers']): Map<string, Caller> {
  const account = world.account.id;
  const callers = new Map<string, Caller>();
  for (const k of world.root.accessKeys) {
    if (k.active) callers.set(k.id, { arn: world.root.arn, userId: account, account, userName: null, isRoot: true });
  }
  for (const u of world.users) {
    for (const k of u.accessKeys) if (k.active) callers.set(k.id, { arn: u.arn, userId: u.id, account, userName: u.name, isRoot: false });
  }
  for (const [keyId, spec] of Object.entries(explicit)) {
    const { arn, userId } = typeof spec === 'string' ? { arn: spec, userId: undefined } : spec;
    callers.set(keyId, callerFromArn(world, arn, userId));
  }
  return callers;
}

export function callerFromArn(world: World, arn: string, userId: string | undefined): Caller {
  const account = arn.split(':')[4] || world.account.id;
  const resource = arn.split(':').slice(5).join(':');
  if (resource === 'root') return { arn, userId: userId ?? account, account, userName: null, isRoot: true };
  const user = world.users.find((u) => u.arn === arn);
  if (user) return { arn, userId: userId ?? user.id, account, userName: user.name, isRoot: false };
  // A role is called through a session: GetCallerIdentity shows the assumed-role ARN and ROLEID:session.
  const roleName = resource.startsWith('role/') ? resource.split('/').pop() : resource.startsWith('assumed-role/') ? resource.split('/')[1] : undefined;
  if (roleName) {
    const session = resource.startsWith('assumed-role/') ? (resource.split('/')[2] ?? SESSION) : SESSION;
    const role = world.roles.find((r) => r.name === roleName);
    const partition = arn.split(':')[1] ?? world.account.partition;
    return {
      arn: `arn:${partition}:sts::${account}:assumed-role/${roleName}/${session}`,
      userId: userId ?? `${role?.id ?? stableId('AROA', account, 'role', roleName)}:${session}`,
      account,
      userName: null,
      isRoot: false,
    };
  }
  return { arn, userId: userId ?? stableId('AIDA', arn), account, userName: resource.startsWith('user/') ? (resource.split('/').pop() ?? null) : null, isRoot: false };
}

export function attachmentCount(world: World, policyArn: string): number {
  const principals = [...world.users, ...world.groups, ...world.roles];
  return principals.filter((p) => p.attachedPolicies.includes(policyArn)).length;
}

export function boundaryUsageCount(world: World, policyArn: string): number {
  return [...world.users, ...world.roles].filter((p) => p.permissionsBoundary === policyArn).length;
}

export function policyByArn(world: World, arn: string): ManagedPolicy | undefined {
  return world.policies.find((p) => p.arn === arn);
}
