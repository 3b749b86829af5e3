// What renderers know about a check beyond its results: its title and sources (CIS items, seeds), from the registry.
// A result whose check the registry does not know (a report from a newer rampart) still renders, named by its id.
import { allChecks } from '../checks/index.js';

export interface CheckMeta {
  id: string;
  title: string;
  sources: readonly string[];
  /** The check's own fix, before a result fills in a user's name: what a rule's help says. */
  fix: string | null;
}

const byId = new Map(allChecks.map((c) => [c.id, c]));

export function checkMeta(id: string): CheckMeta {
  const check = byId.get(id);
  return { id, title: check?.title ?? id, sources: check?.sources ?? [], fix: check?.remediation.summary ?? null };
}
