import { GetAccountAuthorizationDetailsCommand } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { startEmulator, type Emulator } from './index.js';
import { bindJson } from './protocols/json.js';
import { bindQuery } from './protocols/query.js';
import { escapeXml, XmlList, XmlMap, xmlDocument } from './protocols/xml.js';
import { route } from './router.js';
import type { JsonService, QueryService, RequestContext } from './service.js';
import { LEAKY, NOW, authHeader, clients } from './test-helpers.js';
import { buildWorld } from './world.js';
import { parseScenario } from './scenario.js';

describe('xml', () => {
  it('escapes every text value', () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    const doc = xmlDocument('R', { Name: '<x>&', List: ['1', '2'], Items: new XmlList(['a'], 'item'), Map: new XmlMap({ k: 1 }), Skip: undefined, On: true });
    expect(doc).toContain('<R><Name>&lt;x&gt;&amp;</Name><List><member>1</member><member>2</member></List><Items><item>a</item></Items>');
    expect(doc).toContain('<Map><entry><key>k</key><value>1</value></entry></Map><On>true</On></R>');
    expect(doc).not.toContain('Skip');
  });

  it('round-trips markup characters through the SDK', async () => {
    const emulator = await startEmulator({
      scenario: {
        account: { id: '111111111111' },
        root: { mfa: 'none' },
        users: [{ name: 'x', created: '-1d', tags: { note: `<script>&"quotes'</script>`, multi: 'line1\nline2\r\n\ttab' } }],
      },
    });
    try {
      const out = await clients(emulator.endpoint).iam.send(new GetAccountAuthorizationDetailsCommand({}));
      expect(out.UserDetailList?.[0]?.Tags).toEqual([
        { Key: 'note', Value: `<script>&"quotes'</script>` },
        { Key: 'multi', Value: 'line1\nline2\r\n\ttab' },
      ]);
    } finally {
      await emulator.close();
    }
  });
});

describe('routing over HTTP', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator({ scenario: LEAKY, now: NOW });
  });
  afterEach(() => emulator.close());

  const post = (headers: Record<string, string>, body: string, path = '/') =>
    fetch(`${emulator.endpoint}${path}`, { method: 'POST', headers, body });

  it('answers an unknown awsQuery action with InvalidAction, never a crash', async () => {
    const res = await post({ 'content-type': 'application/x-www-form-urlencoded', authorization: authHeader('iam') }, 'Action=DeleteEverything&Version=2010-05-08');
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const text = await res.text();
    expect(text).toContain('<ErrorResponse');
    expect(text).toContain('<Code>InvalidAction</Code>');
    expect(text).toContain('<Type>Sender</Type>');
    expect(emulator.calls()).toEqual({ 'iam:DeleteEverything': 1 });
  });

  it('routes an unsigned form request by its Version parameter', async () => {
    const res = await post({ 'content-type': 'application/x-www-form-urlencoded' }, 'Action=ListAccountAliases&Version=2010-05-08');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('<ListAccountAliasesResult><AccountAliases><member>my-side-project</member></AccountAliases>');
    expect(text).toContain('<ResponseMetadata><RequestId>');
  });

  it('answers an unknown JSON target with UnknownOperationException', async () => {
    const res = await post(
      { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonAthena.ListWorkGroups', authorization: authHeader('athena') },
      '{}',
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await res.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('answers an unknown REST path with a 404 in the protocol of the signing service', async () => {
    const res = await post({ 'content-type': 'application/json', authorization: authHeader('account') }, '{}', '/deleteAlternateContact');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    const s3 = await fetch(`${emulator.endpoint}/v20180820/nothing`, { headers: { authorization: authHeader('s3') } });
    expect(s3.status).toBe(404);
    expect(s3.headers.get('x-amz-request-id')).toBeTruthy();
    expect(await s3.text()).toContain('<Code>UnknownOperationException</Code>');
  });

  it('answers a form request for no known service', async () => {
    const res = await post({ 'content-type': 'application/x-www-form-urlencoded', authorization: authHeader('sqs') }, 'Action=ListQueues&Version=2012-11-05');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>UnrecognizedService</Code>');
  });

  it('answers malformed JSON in a REST body', async () => {
    const res = await post({ 'content-type': 'application/json', authorization: authHeader('account') }, '{not json', '/getAlternateContact');
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('SerializationException');
  });
});

describe('a JSON service module (how Budgets, CloudWatch & co plug in)', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const world = buildWorld(parseScenario({ account: { id: '111111111111' }, root: { mfa: 'none' } }), now);
  const ctx: RequestContext = { world, now, accessKeyId: undefined, region: 'us-east-1', requestId: 'req-1' };
  const watch: JsonService = {
    name: 'cloudwatch',
    signingName: 'monitoring',
    protocol: 'awsJson1_0',
    targetPrefix: 'GraniteServiceVersion20100801',
    queryCompatible: true,
    operations: {
      DescribeAlarms: () => ({ MetricAlarms: [{ AlarmName: 'a', StateUpdatedTimestamp: now }] }),
      GetDashboard: () => {
        throw new ApiError('ResourceNotFound', 'Dashboard does not exist', 404);
      },
    },
  };
  const call = (target: string, body = '{}') =>
    route([watch], { method: 'POST', path: '/', query: new URLSearchParams(), headers: { 'x-amz-target': target }, body: Buffer.from(body) }, {
      accessKeyId: undefined,
      region: undefined,
      service: 'monitoring',
    });

  it('serializes dates as epoch seconds', () => {
    const routed = call('GraniteServiceVersion20100801.DescribeAlarms');
    expect(routed.key).toBe('cloudwatch:DescribeAlarms');
    const reply = routed.invoke(ctx);
    expect(reply.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(String(reply.body))).toEqual({ MetricAlarms: [{ AlarmName: 'a', StateUpdatedTimestamp: now.getTime() / 1000 }] });
  });

  it('adds the query-compatible error header', () => {
    const routed = call('GraniteServiceVersion20100801.GetDashboard');
    let reply;
    try {
      routed.invoke(ctx);
    } catch (error) {
      reply = routed.renderError(error as ApiError, ctx);
    }
    expect(reply?.status).toBe(404);
    expect(reply?.headers['x-amzn-query-error']).toBe('ResourceNotFound;Sender');
    expect(JSON.parse(String(reply?.body))).toEqual({ __type: 'ResourceNotFound', message: 'Dashboard does not exist' });
  });

  it('has protocol-default fault errors', () => {
    const routed = bindJson(watch, 'DescribeAlarms', Buffer.alloc(0));
    expect(routed.faultError('Throttling').code).toBe('ThrottlingException');
    expect(routed.faultError('AccessDenied').status).toBe(403);
  });
});

describe('an ec2Query service module (how EC2 plugs in)', () => {
  const now = new Date('2026-06-15T12:00:00Z');
  const world = buildWorld(parseScenario({ account: { id: '111111111111' }, root: { mfa: 'none' } }), now);
  const ctx: RequestContext = { world, now, accessKeyId: undefined, region: 'us-east-1', requestId: 'req-2' };
  const ec2: QueryService = {
    name: 'ec2',
    signingName: 'ec2',
    protocol: 'ec2Query',
    version: '2016-11-15',
    xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
    operations: { DescribeRegions: () => ({ regionInfo: [{ regionName: 'us-east-1' }, { regionName: 'eu-west-1' }] }) },
  };

  it('has no Result wrapper, a requestId, and <item> lists', () => {
    const reply = bindQuery(ec2, { Action: 'DescribeRegions' }).invoke(ctx);
    expect(String(reply.body)).toContain(
      '<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-2</requestId><regionInfo><item><regionName>us-east-1</regionName></item><item><regionName>eu-west-1</regionName></item></regionInfo></DescribeRegionsResponse>',
    );
  });

  it('answers errors as <Response><Errors> and faults with EC2 codes', () => {
    const routed = bindQuery(ec2, { Action: 'RunInstances' });
    expect(() => routed.invoke(ctx)).toThrow(ApiError);
    const reply = routed.renderError(routed.faultError('AccessDenied'), ctx);
    expect(reply.status).toBe(403);
    expect(String(reply.body)).toContain('<Response><Errors><Error><Code>UnauthorizedOperation</Code>');
    expect(String(reply.body)).toContain('<RequestID>req-2</RequestID>');
    expect(routed.faultError('Throttling').code).toBe('RequestLimitExceeded');
  });
});
