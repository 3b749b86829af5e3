// IAM Access Analyzer: restJson1, `GET /analyzer?type=`. The analyzers of the request's region; CreateAnalyzer
// (`PUT /analyzer`) adds one, ACTIVE at once. AWS allows one external-access analyzer of the account per region.
import { ApiError } from '../errors.js';
import type { RestJsonService } from '../service.js';
import { at, factsHere, ownFacts, page, pageStart, regionOf } from './region-facts.js';

const TYPES = ['ACCOUNT', 'ORGANIZATION', 'ACCOUNT_UNUSED_ACCESS', 'ORGANIZATION_UNUSED_ACCESS', 'ACCOUNT_INTERNAL_ACCESS', 'ORGANIZATION_INTERNAL_ACCESS'];
const MAX_RESULTS = 100;

export const accessanalyzer: RestJsonService = {
  name: 'accessanalyzer',
  signingName: 'access-analyzer',
  protocol: 'restJson1',
  routes: [
    {
      method: 'GET',
      path: '/analyzer',
      operation: 'ListAnalyzers',
      handler(req, ctx) {
        const type = req.query.get('type');
        if (type !== null && !TYPES.includes(type)) {
          throw new ApiError('ValidationException', `Invalid type: ${type}`, 400, 'Sender', { reason: 'fieldValidationFailed' });
        }
        const max = Number(req.query.get('maxResults') ?? MAX_RESULTS);
        const { id: account, partition } = ctx.world.account;
        const analyzers = (factsHere(ctx).accessAnalyzers ?? []).filter((a) => type === null || a.type === type);
        const { items, next } = page(analyzers, pageStart(req.query.get('nextToken') ?? undefined, 'ValidationException'), Math.max(1, Math.min(max, MAX_RESULTS)));
        return {
          body: {
            analyzers: items.map((a) => ({
              arn: `arn:${partition}:access-analyzer:${regionOf(ctx)}:${account}:analyzer/${a.name}`,
              name: a.name,
              type: a.type,
              // Access Analyzer's timestamps are date-time strings, not epoch seconds.
              createdAt: at(a.created, ctx).toISOString(),
              status: a.status,
              tags: {},
            })),
            nextToken: next,
          },
        };
      },
    },
    {
      method: 'PUT',
      path: '/analyzer',
      operation: 'CreateAnalyzer',
      handler(req, ctx) {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(req.body.toString('utf8') || '{}') as Record<string, unknown>;
        } catch {
          throw new ApiError('ValidationException', 'Request body is not valid JSON', 400, 'Sender', { reason: 'cannotParse' });
        }
        const name = body['analyzerName'];
        const type = body['type'];
        if (typeof name !== 'string' || !/^[A-Za-z][\w.-]{0,254}$/.test(name)) {
          throw new ApiError('ValidationException', 'Invalid analyzerName', 400, 'Sender', { reason: 'fieldValidationFailed' });
        }
        if (typeof type !== 'string' || !TYPES.includes(type)) throw new ApiError('ValidationException', `Invalid type: ${String(type)}`, 400, 'Sender', { reason: 'fieldValidationFailed' });
        const analyzers = ownFacts(ctx, 'accessAnalyzers');
        if (analyzers.some((a) => a.name === name)) throw new ApiError('ConflictException', `Analyzer ${name} already exists`, 409, 'Sender', { resourceId: name, resourceType: 'Analyzer' });
        if (type === 'ACCOUNT' && analyzers.some((a) => a.type === 'ACCOUNT')) {
          throw new ApiError('ServiceQuotaExceededException', 'You can create only one analyzer with the account as its zone of trust per region.', 402, 'Sender', { resourceId: name, resourceType: 'Analyzer' });
        }
        if (type.startsWith('ORGANIZATION') && ctx.world.logging.organization?.managementAccountId !== ctx.world.account.id) {
          throw new ApiError('ValidationException', 'An organization analyzer needs the organization management account or a delegated administrator.', 400, 'Sender', { reason: 'notSupported' });
        }
        analyzers.push({ name, type: type as (typeof analyzers)[number]['type'], status: 'ACTIVE', created: ctx.now.toISOString() });
        return { body: { arn: `arn:${ctx.world.account.partition}:access-analyzer:${regionOf(ctx)}:${ctx.world.account.id}:analyzer/${name}` } };
      },
    },
  ],
};
