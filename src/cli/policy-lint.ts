// `rampart policy lint FILE... | -`: findings with file:line:col, severity, rule, message and fix.
import type { Command } from 'commander';
import { SEVERITIES, type Severity } from '../checks/types.js';
import { loadSnapshot } from '../inventory/load.js';
import { lintText } from '../policy/lint/index.js';
import { indexSnapshot } from '../policy/lint/snapshot-index.js';
import type { Finding } from '../policy/lint/types.js';
import type { PolicyKind } from '../policy/types.js';
import { InputError } from '../util/errors.js';
import type { CommandState, Io } from './main.js';
import { failOn, oneOf, type FailOn } from './options.js';
import { readPolicyText } from './policy-input.js';

const KINDS = ['identity', 'resource', 'trust', 'boundary', 'scp', 'session'] as const satisfies readonly PolicyKind[];

interface LintOpts {
  kind: PolicyKind;
  format: 'text' | 'json';
  failOn: FailOn;
  requireMfa: boolean;
  snapshot?: string;
}

interface FileResult {
  file: string;
  findings: Finding[];
}

const rank = (s: Severity): number => SEVERITIES.indexOf(s);
export const failsAt = (findings: readonly Finding[], threshold: FailOn): boolean =>
  threshold !== 'none' && findings.some((f) => rank(f.severity) <= rank(threshold));

function renderText(results: FileResult[]): string {
  const lines = results.flatMap(({ file, findings }) =>
    findings.map((f) => `${file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n  fix: ${f.fix}`),
  );
  const count = results.reduce((n, r) => n + r.findings.length, 0);
  const bySeverity = SEVERITIES.map((s) => [s, results.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const files = `${results.length} file${results.length === 1 ? '' : 's'}`;
  const summary = count === 0 ? `${files} linted: no findings` : `${files} linted: ${count} finding${count === 1 ? '' : 's'} (${bySeverity.join(', ')})`;
  return [...lines, summary].join('\n') + '\n';
}

export function registerPolicyLint(group: Command, io: Io, state: CommandState): void {
  group
    .command('lint')
    .description('check IAM policy documents (JSON or YAML; - for stdin): grammar, meaning, and against a snapshot')
    .argument('<files...>', 'policy files, or - for stdin')
    .option('--kind <kind>', `what the policies are attached to: ${KINDS.join(', ')}`, oneOf('--kind', KINDS), 'identity')
    .option('--format <format>', 'text or json', oneOf('--format', ['text', 'json'] as const), 'text')
    .option('--fail-on <severity>', 'exit 1 when a finding of this severity or worse is found (or none)', failOn, 'low')
    .option('--require-mfa', 'every Allow of a destructive or IAM-changing action must require MFA', false)
    .option('--snapshot <file>', 'a rampart snapshot: ARNs that name no resource of the account are reported')
    .action(async (files: string[], opts: LintOpts) => {
      const snapshot = opts.snapshot === undefined ? undefined : indexSnapshot(await loadSnapshot(opts.snapshot));
      const options = { kind: opts.kind, requireMfa: opts.requireMfa, ...(snapshot ? { snapshot } : {}) };
      const results: FileResult[] = [];
      // Every file is read and parsed before anything is printed: one bad file is exit 2 with nothing half-reported.
      for (const file of files) {
        const source = file === '-' ? 'stdin' : file;
        const findings = lintText(await readPolicyText(file, io.stdin), source, options);
        const top = findings.find((f) => f.path === '$' && f.rule === 'document-shape' && f.message.startsWith('a policy is a JSON object'));
        if (top) throw new InputError(`${source}:${top.line}:${top.column}: not a policy: ${top.message}`);
        results.push({ file: source, findings });
      }
      io.stdout.write(opts.format === 'json' ? `${JSON.stringify({ files: results.map((r) => ({ file: r.file, findings: r.findings })), summary: { files: results.length, findings: results.reduce((n, r) => n + r.findings.length, 0) } }, null, 2)}\n` : renderText(results));
      state.exitCode = failsAt(results.flatMap((r) => r.findings), opts.failOn) ? 1 : 0;
    });
}
