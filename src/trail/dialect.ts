// The detections are written in the SQL DuckDB and Athena (Trino, engine v3) share. What differs is translated here,
// in one place, and toAthena refuses SQL that still holds a DuckDB-only construct rather than print a query that
// would fail on Athena.

/** DuckDB spelling -> Trino spelling. */
const REWRITES: readonly [RegExp, string][] = [
  [/\bregexp_matches\s*\(/gi, 'regexp_like('],
  [/\bstrftime\s*\(\s*([^,]+?)\s*,\s*'%Y-%m-%dT%H:%M:%SZ'\s*\)/gi, "date_format($1, '%Y-%m-%dT%H:%i:%sZ')"],
  [/\bepoch\s*\(/gi, 'to_unixtime('],
  [/\bstarts_with\s*\(/gi, 'starts_with('],
  [/\bTRY_CAST\s*\(/gi, 'try_cast('],
];

/** Constructs DuckDB accepts and Trino does not; none may survive translation. */
const DUCKDB_ONLY: readonly [RegExp, string][] = [
  [/::/, '"::" casts'],
  [/\b(list_\w+|struct_pack|strftime|regexp_matches|epoch|json_extract_string|string_agg|ilike)\s*\(/i, 'a DuckDB-only function'],
  [/\bILIKE\b/i, 'ILIKE'],
  [/\bQUALIFY\b/i, 'QUALIFY'],
  [/\bINTERVAL\s+\d/i, 'an unquoted INTERVAL (write INTERVAL \'1\' HOUR)'],
  [/\bEXCLUDE\s*\(/i, 'SELECT * EXCLUDE'],
  [/"/, 'double-quoted strings or identifiers'],
];

export function toAthena(sql: string): string {
  let out = sql;
  for (const [from, to] of REWRITES) out = out.replace(from, to);
  const bad = athenaProblem(out);
  if (bad) throw new Error(`cannot translate to Athena: ${bad}`);
  return out;
}

/** Why `sql` would not run on Athena, if a known reason applies. */
export function athenaProblem(sql: string): string | undefined {
  // String literals may hold anything (a LIKE pattern with "::" or quotes); only the SQL around them counts.
  const code = sql.replace(/'(?:[^']|'')*'/g, "''");
  return DUCKDB_ONLY.find(([re]) => re.test(code))?.[1];
}
