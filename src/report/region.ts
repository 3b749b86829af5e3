// Regional checks name the region itself as their resource (checks/support.ts); formats with a region field use it.
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

/** The region a result is about, when its resource is a region or a regional ARN; else null. */
export function resultRegion(resource: string): string | null {
  if (REGION.test(resource)) return resource;
  const region = /^arn:[^:]*:[^:]*:([^:]*):/.exec(resource)?.[1];
  return region && REGION.test(region) ? region : null;
}
