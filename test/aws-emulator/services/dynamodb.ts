// DynamoDB: awsJson1_0, `DynamoDB_20120810.Op`. ListTables of the request's region (scenario `regional.*.dynamodbTables`),
// paged by name as AWS does (ExclusiveStartTableName, LastEvaluatedTableName, Limit up to 100).
import { ApiError } from '../errors.js';
import type { JsonService } from '../service.js';
import { factsHere } from './region-facts.js';

export const dynamodb: JsonService = {
  name: 'dynamodb',
  signingName: 'dynamodb',
  protocol: 'awsJson1_0',
  targetPrefix: 'DynamoDB_20120810',
  operations: {
    ListTables(input, ctx) {
      const limit = input.Limit === undefined ? 100 : Number(input.Limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new ApiError('ValidationException', 'Limit must be between 1 and 100', 400);
      const names = [...(factsHere(ctx).dynamodbTables ?? [])].sort();
      const after = typeof input.ExclusiveStartTableName === 'string' ? input.ExclusiveStartTableName : undefined;
      const rest = after === undefined ? names : names.filter((n) => n > after);
      const page = rest.slice(0, limit);
      return { TableNames: page, ...(rest.length > limit ? { LastEvaluatedTableName: page[page.length - 1] } : {}) };
    },
  },
};
