// The policy templates, and rendering one from `key=value` parameters.
import { breakGlass } from './break-glass.js';
import { ec2S3Reader } from './ec2-s3-reader.js';
import { forceMfa } from './force-mfa.js';
import { TemplateError } from './params.js';
import { productionAdmin } from './production-admin.js';
import { readOnly } from './read-only.js';
import { s3Bucket } from './s3-bucket.js';
import { sourceIpAndTime } from './source-ip-and-time.js';
import type { PolicyDocument, PolicyTemplate } from './template.js';

export { TemplateError } from './params.js';
export type { PolicyDocument, PolicyTemplate } from './template.js';

export const TEMPLATES: readonly PolicyTemplate[] = [forceMfa, s3Bucket, productionAdmin, readOnly, breakGlass, sourceIpAndTime, ec2S3Reader];

export const findTemplate = (name: string): PolicyTemplate | undefined => TEMPLATES.find((t) => t.name === name);

/** Parses and validates the parameters (unknown ones and missing required ones are errors), then renders. */
export function renderTemplate(template: PolicyTemplate, given: Readonly<Record<string, string>>): Readonly<Record<string, PolicyDocument>> {
  const known = new Set(template.params.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) throw new TemplateError(`template ${template.name} has no parameter "${name}" (it takes: ${[...known].join(', ') || 'none'})`);
  }
  const values: Record<string, unknown> = {};
  for (const p of template.params) {
    const text = given[p.name] ?? p.default;
    if (text === undefined) throw new TemplateError(`template ${template.name} needs --param ${p.name}=... (${p.description})`);
    values[p.name] = p.parse(text);
  }
  return template.render(values);
}
