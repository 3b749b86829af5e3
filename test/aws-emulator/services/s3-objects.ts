// S3's object reads, as a trail's log reader makes them: ListObjectsV2 (prefix, delimiter -> CommonPrefixes,
// continuation tokens, start-after, max-keys capped by the bucket's `listPageSize`) and GetObject (the bytes as stored).
import { createHash } from 'node:crypto';
import { ApiError } from '../errors.js';
import { XmlFlat } from '../protocols/xml.js';
import type { RequestContext, RestRequest, RestRoute, XmlBody } from '../service.js';
import type { BucketFinder } from './s3-writes.js';

const etag = (body: Buffer) => `"${createHash('md5').update(body).digest('hex')}"`;

/** Opaque to the client, as S3's are; here the last key of the page before. */
const encodeToken = (key: string) => Buffer.from(`after:${key}`).toString('base64');
function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (!text.startsWith('after:')) throw new ApiError('InvalidArgument', 'The continuation token provided is incorrect', 400);
  return text.slice('after:'.length);
}

function listObjectsV2(bucketOf: BucketFinder, req: RestRequest, ctx: RequestContext) {
  const bucket = bucketOf(req, ctx);
  const prefix = req.query.get('prefix') ?? '';
  const delimiter = req.query.get('delimiter') ?? '';
  const token = req.query.get('continuation-token');
  const after = token ? decodeToken(token) : (req.query.get('start-after') ?? '');
  const maxKeys = Math.min(Number(req.query.get('max-keys') ?? 1000) || 1000, bucket.listPageSize);

  const contents: { key: string; size: number; etag: string; lastModified: Date }[] = [];
  const prefixes: string[] = [];
  let last = '';
  let truncated = false;
  for (const key of [...bucket.objects.keys()].sort()) {
    if (!key.startsWith(prefix) || key <= after) continue;
    // A key under a common prefix already listed adds nothing.
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const common = cut >= 0 ? key.slice(0, cut + delimiter.length) : undefined;
    if (common !== undefined && prefixes[prefixes.length - 1] === common) {
      last = key;
      continue;
    }
    if (contents.length + prefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (common !== undefined) prefixes.push(common);
    else {
      const object = bucket.objects.get(key)!;
      contents.push({ key, size: object.body.length, etag: etag(object.body), lastModified: object.lastModified });
    }
    last = key;
  }
  return {
    body: {
      root: 'ListBucketResult',
      value: {
        Name: bucket.name,
        Prefix: prefix,
        ...(delimiter ? { Delimiter: delimiter } : {}),
        MaxKeys: maxKeys,
        KeyCount: contents.length + prefixes.length,
        IsTruncated: truncated,
        ...(token ? { ContinuationToken: token } : {}),
        ...(truncated ? { NextContinuationToken: encodeToken(last) } : {}),
        Contents: new XmlFlat(contents.map((c) => ({ Key: c.key, LastModified: c.lastModified, ETag: c.etag, Size: c.size, StorageClass: 'STANDARD' }))),
        CommonPrefixes: new XmlFlat(prefixes.map((p) => ({ Prefix: p }))),
      },
    },
  };
}

function getObject(bucketOf: BucketFinder, req: RestRequest, ctx: RequestContext) {
  const bucket = bucketOf(req, ctx);
  const key = req.labels['Key'] ?? '';
  const object = bucket.objects.get(key);
  if (!object) throw new ApiError('NoSuchKey', 'The specified key does not exist.', 404, 'Sender', { Key: key });
  return {
    headers: { etag: etag(object.body), 'last-modified': object.lastModified.toUTCString() },
    body: object.body,
  };
}

export const s3ObjectRoutes = (bucketOf: BucketFinder): RestRoute<XmlBody | string | Buffer>[] => [
  { method: 'GET', path: '/{Bucket}', query: ['list-type'], operation: 'ListObjectsV2', handler: (req, ctx) => listObjectsV2(bucketOf, req, ctx) },
  { method: 'GET', path: '/{Bucket}/{Key+}', operation: 'GetObject', handler: (req, ctx) => getObject(bucketOf, req, ctx) },
];
