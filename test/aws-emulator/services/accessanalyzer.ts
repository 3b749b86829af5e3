// IAM Access Analyzer: restJson1, `GET /analyzer?type=`. The analyzers of the request's region.
import { ApiError } from '../errors.js';
import type { RestJsonService } from '../service.js';
import { at, factsHere, page, pageStart, regionOf } from './region-facts.js';

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
  ],
};
