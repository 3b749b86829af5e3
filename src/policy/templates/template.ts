// What a template is: named parameters and a function from their parsed values to one or more policy documents.
import type { ParamSpec } from './params.js';

export type PolicyDocument = Record<string, unknown>;

export interface PolicyTemplate {
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamSpec<unknown>[];
  /** Part name -> document. Most templates have one part, `policy`; a role has `trust` and `permissions`. */
  render(values: Readonly<Record<string, unknown>>): Readonly<Record<string, PolicyDocument>>;
}

export const VERSION = '2012-10-17';
