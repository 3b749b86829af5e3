// rampart policy template [NAME]: list the templates with their parameters, or print one rendered (or write it).
import type { Command } from 'commander';
import { findTemplate, renderTemplate, TEMPLATES, TemplateError } from '../policy/templates/index.js';
import { closest } from '../util/closest.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { InputError } from '../util/errors.js';
import type { CommandState, Io } from './main.js';

interface TemplateOptions {
  param: string[];
  part?: string;
  output?: string;
}

const repeat = (value: string, previous: string[] = []): string[] => [...previous, value];

function listing(): string {
  const lines: string[] = [];
  for (const t of TEMPLATES) {
    lines.push(`${t.name}  ${t.description}`);
    for (const p of t.params) lines.push(`    ${p.name}${p.default === undefined ? ' (required)' : ` (default: ${p.default === '' ? 'empty' : p.default})`}  ${p.description}`);
  }
  return `${lines.join('\n')}\n`;
}

function parseParams(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError(`--param expects key=value, got "${pair}"`);
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return out;
}

export function registerPolicyTemplate(group: Command, io: Io, state: CommandState): void {
  group
    .command('template')
    .description('list the policy templates, or print one with its parameters filled in')
    .argument('[name]', 'the template; omit to list them')
    .option('--param <key=value>', 'a template parameter (repeatable)', repeat, [])
    .option('--part <part>', 'for a template of several documents (trust, permissions): only this one')
    .option('--output <file>', 'write the JSON to this file (atomically) instead of stdout')
    .action(async (name: string | undefined, opts: TemplateOptions) => {
      state.exitCode = 0;
      if (name === undefined) {
        io.stdout.write(listing());
        return;
      }
      const template = findTemplate(name);
      if (!template) {
        const guess = closest(name, TEMPLATES.map((t) => t.name));
        throw new InputError(`no template "${name}"${guess ? ` (did you mean ${guess}?)` : ''}; run rampart policy template to list them`);
      }
      let parts;
      try {
        parts = renderTemplate(template, parseParams(opts.param));
      } catch (err) {
        if (err instanceof TemplateError) throw new InputError(err.message);
        throw err;
      }
      const names = Object.keys(parts);
      if (opts.part !== undefined && !names.includes(opts.part)) throw new InputError(`--part: template ${name} has parts ${names.join(', ')}, not "${opts.part}"`);
      const doc = opts.part !== undefined ? parts[opts.part] : names.length === 1 ? parts[names[0]!] : parts;
      const json = `${JSON.stringify(doc, null, 2)}\n`;
      if (opts.output) {
        await writeFileAtomic(opts.output, json, { mode: 0o644 });
        io.stdout.write(`wrote ${opts.output}\n`);
      } else io.stdout.write(json);
    });
}
