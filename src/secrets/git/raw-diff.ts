// One entry of git's raw diff format (`--raw`), plain (`:old new oldId newId S`) or combined for merges
// (`::p1 p2 new p1Id p2Id newId SS`): what a path became in a commit or in the index.

export interface RawEntry {
  /** The path's mode after the change: 100644/100755 files, 120000 symlinks, 160000 submodules. */
  readonly mode: string;
  /** The blob after the change (all zeros for a deletion). */
  readonly oid: string;
  /** The blob before it, against the first parent (all zeros for an addition). */
  readonly oldOid: string;
  /** A (added), M, T, D, ...; for a merge, one letter per parent. */
  readonly status: string;
}

export function parseRawMeta(meta: string): RawEntry | undefined {
  const parents = /^:+/.exec(meta)?.[0].length;
  if (!parents) return undefined;
  const fields = meta.slice(parents).split(' ');
  if (fields.length !== 2 * (parents + 1) + 1) return undefined;
  return { mode: fields[parents]!, oldOid: fields[parents + 1]!, oid: fields[2 * parents + 1]!, status: fields[2 * parents + 2]! };
}

/** Regular files only: submodules are other repositories, symlinks hold a path. */
export const isFileMode = (mode: string): boolean => mode === '100644' || mode === '100755';

export const isDeletion = (e: RawEntry): boolean => /^0+$/.test(e.oid);
