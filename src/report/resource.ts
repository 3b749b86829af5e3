// Resources as a person reads them in a terminal: `alice` for a user's ARN, `main (eu-west-1)` for a trail.
// The JSON report keeps the full ARN; this is display only.

const ARN = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
// `arn:aws:::123456789012`, how checks name the account itself (checks/support.ts accountResource).
const ACCOUNT_ARN = /^arn:[^:]*:::\d{12}$/;
// How checks name a key slot of the credential report under its user's ARN.
const ACCESS_KEY = /^access-key-\d+$/;

/** Cuts the middle out of a long string, keeping both ends: ARNs and names differ most at their ends. */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${text.slice(0, head)}…${tail > 0 ? text.slice(-tail) : ''}`;
}

/**
 * The short name of a resource. `accountId` is the audited account: an ARN in another account (an organization
 * trail, a cross-account role) keeps its full form, because which account it lives in is the point.
 */
export function shortResource(resource: string, accountId?: string): string {
  if (ACCOUNT_ARN.test(resource)) return 'account';
  const m = ARN.exec(resource);
  if (!m) return resource;
  const [, , service = '', region = '', account = '', rest = ''] = m;
  if (accountId && account !== '' && account !== accountId && account !== 'aws') return resource;
  let name: string;
  if (service === 'iam') {
    // user/division/alice -> alice: IAM paths are organisation, the name is what a person knows.
    // A user's key (user/ci/access-key-1, checks/identity/users.ts) keeps its user: ci/access-key-1.
    const segments = rest.split('/');
    const last = segments.at(-1) ?? '';
    name = rest === 'root' ? 'root' : ACCESS_KEY.test(last) && segments.length >= 3 ? segments.slice(-2).join('/') : last || rest;
  } else if (service === 's3') {
    name = rest;
  } else {
    // trail/main, key/1234..., alarm:name, log-group:/aws/x -> drop the resource type.
    name = rest.replace(/^[a-z][a-z0-9-]*[/:]/i, '') || rest;
  }
  return region ? `${name} (${region})` : name;
}

/** A word for what a list of resources holds, singular and plural, e.g. ['user', 'users']; for collapsed lines. */
export function resourceNoun(resources: readonly string[]): [string, string] {
  const kinds = new Set(resources.map(resourceKind));
  const kind = kinds.size === 1 ? [...kinds][0]! : 'resource';
  return [kind, kind === 'policy' ? 'policies' : `${kind}s`];
}

function resourceKind(resource: string): string {
  if (REGION.test(resource)) return 'region';
  const m = ARN.exec(resource);
  if (!m) return 'resource';
  const [, , service = '', region = '', , rest = ''] = m;
  if (service === 'iam') {
    const segments = rest.split('/');
    if (segments.length >= 3 && ACCESS_KEY.test(segments.at(-1) ?? '')) return 'access key';
    const type = segments[0];
    if (type === 'user' || type === 'role' || type === 'group' || type === 'policy') return type;
    return 'resource';
  }
  if (service === 'kms' && rest.startsWith('key/')) return 'key';
  if (service === 's3' && !rest.includes('/')) return 'bucket';
  // One result per region of a regional service (config recorders, analyzers, detectors).
  if (region !== '') return 'region';
  return 'resource';
}
