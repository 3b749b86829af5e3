// How `rampart init` asks: @clack/prompts on a terminal (arrow keys, ask again on a bad answer), or one line of stdin
// per question when stdin is piped (tests, scripts): an empty line takes the default, a bad answer is one InputError.
import { confirm, isCancel, text } from '@clack/prompts';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { InputError } from '../../util/errors.js';
import type { Parsed } from './answers.js';

/** The person stopped at a prompt (Ctrl-C or Escape): nothing more is done. */
export class PromptCancelled extends Error {
  override name = 'PromptCancelled';
}

export interface Question<T> {
  message: string;
  /** Shown and taken on an empty answer. */
  initial?: string;
  parse(input: string): Parsed<T>;
}

export interface Prompter {
  readonly interactive: boolean;
  ask<T>(question: Question<T>): Promise<T>;
  confirm(message: string, initial: boolean): Promise<boolean>;
  /** Terminal only: Enter (true) or q (false). */
  waitForEnter(message: string): Promise<boolean>;
  close(): void;
}

export function terminalPrompter(input: Readable, output: Writable): Prompter {
  const streams = { input, output };
  const orCancel = <T>(value: T): Exclude<T, symbol> => {
    if (isCancel(value)) throw new PromptCancelled('stopped at a question');
    return value as Exclude<T, symbol>;
  };
  return {
    interactive: true,
    async ask<T>(q: Question<T>): Promise<T> {
      const answer = orCancel(
        await text({
          message: q.message,
          ...(q.initial !== undefined ? { placeholder: q.initial, defaultValue: q.initial } : {}),
          validate: (value) => {
            const parsed = q.parse(value ?? '');
            return parsed.ok ? undefined : parsed.problem;
          },
          ...streams,
        }),
      );
      const parsed = q.parse(answer);
      if (!parsed.ok) throw new InputError(parsed.problem);
      return parsed.value;
    },
    async confirm(message, initial) {
      return orCancel(await confirm({ message, initialValue: initial, ...streams }));
    },
    async waitForEnter(message) {
      const answer = orCancel(await text({ message, placeholder: 'Enter to re-check, q to stop', defaultValue: '', ...streams }));
      return answer.trim().toLowerCase() !== 'q';
    },
    close() {},
  };
}

/** Answers from a pipe, one line per question in the order asked; the end of input is an empty answer. */
export function pipedPrompter(input: Readable): Prompter {
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNo = 0;
  let ended = false;
  const next = async (): Promise<string> => {
    if (ended) return '';
    const { value, done } = await lines.next();
    if (done) {
      ended = true;
      return '';
    }
    lineNo += 1;
    return String(value);
  };
  return {
    interactive: false,
    async ask<T>(q: Question<T>): Promise<T> {
      const line = await next();
      const parsed = q.parse(line.trim() === '' && q.initial !== undefined ? q.initial : line);
      if (!parsed.ok) throw new InputError(`stdin line ${lineNo}: ${q.message.replace(/[?:]\s*$/, '')}: ${parsed.problem}`);
      return parsed.value;
    },
    async confirm(_message, initial) {
      const line = (await next()).trim().toLowerCase();
      if (!line) return initial;
      return line === 'y' || line === 'yes';
    },
    async waitForEnter() {
      return false;
    },
    close() {
      void lines.return?.();
    },
  };
}
