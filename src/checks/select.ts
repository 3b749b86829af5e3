// --check / --skip: each token is a check id or an area; an unknown token is a usage error with a suggestion.
import { InputError } from '../util/errors.js';
import { closest } from '../util/closest.js';
import { AREAS, type Check } from './types.js';

export function selectChecks(all: readonly Check[], include: string[], exclude: string[]): Check[] {
  const known = new Set<string>([...AREAS, ...all.map((c) => c.id)]);
  for (const token of [...include, ...exclude]) {
    if (!known.has(token)) {
      const hint = closest(token, [...known]);
      throw new InputError(`unknown check or area "${token}"${hint ? ` (did you mean "${hint}"?)` : ''}; \`rampart checks\` lists them`);
    }
  }
  const matches = (c: Check, tokens: string[]) => tokens.includes(c.id) || tokens.includes(c.area);
  return all.filter((c) => (include.length === 0 || matches(c, include)) && !matches(c, exclude));
}
