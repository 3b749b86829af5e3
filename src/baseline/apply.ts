// Runs a plan: each create/update step in order, journaled before and after. One step failing costs only that step
// and the steps that depend on it; a permission error names the action that was missing. Refused steps never run;
// manual steps are handed back for a person.
import { classifyAwsError, describeAwsError, redactSecrets } from '../aws/errors.js';
import type { Journal } from './journal.js';
import type { ApplyContext, Step } from './types.js';

export type StepOutcome = 'done' | 'failed' | 'skipped' | 'refused' | 'manual' | 'noop';

export interface StepResult {
  step: Step;
  outcome: StepOutcome;
  /** One line: what the step did, or why it did not. */
  detail: string;
  /** For a permission error: the IAM action the caller lacks (or the step's actions, when AWS does not say which). */
  missingAction?: string;
}

export type ApplyEvent = { type: 'start'; step: Step } | ({ type: 'result' } & StepResult);

export interface ApplySummary {
  done: StepResult[];
  failed: StepResult[];
  skipped: StepResult[];
  refused: StepResult[];
  manual: StepResult[];
  noop: StepResult[];
  /** Set when the run stopped early (the credentials stopped working): the steps after it are skipped. */
  aborted?: string;
}

export interface ApplyOptions {
  journal: Journal;
  onEvent?: (event: ApplyEvent) => void;
}

export async function applyPlan(steps: readonly Step[], ctx: ApplyContext, { journal, onEvent }: ApplyOptions): Promise<ApplySummary> {
  const summary: ApplySummary = { done: [], failed: [], skipped: [], refused: [], manual: [], noop: [] };
  /** Steps that did not happen, and why, for the steps that depend on them. */
  const notDone = new Map<string, string>();
  const finish = async (result: StepResult): Promise<void> => {
    summary[result.outcome].push(result);
    if (result.outcome === 'failed' || result.outcome === 'skipped' || result.outcome === 'refused') {
      notDone.set(result.step.id, result.outcome);
      await journal.append(result.step.id, result.outcome, result.detail);
    }
    onEvent?.({ type: 'result', ...result });
  };

  for (const step of steps) {
    if (step.kind === 'noop') {
      await finish({ step, outcome: 'noop', detail: step.detail });
      continue;
    }
    if (step.kind === 'manual') {
      await finish({ step, outcome: 'manual', detail: step.detail });
      continue;
    }
    if (step.refused) {
      await finish({ step, outcome: 'refused', detail: step.refused });
      continue;
    }
    if (summary.aborted) {
      await finish({ step, outcome: 'skipped', detail: `not run: ${summary.aborted}` });
      continue;
    }
    // A manual dependency does not block: no API can tell whether the person did it.
    const blocker = (step.dependsOn ?? []).find((id) => notDone.has(id));
    if (blocker) {
      await finish({ step, outcome: 'skipped', detail: `not run: it needs ${blocker}, which ${PAST[notDone.get(blocker)!] ?? 'did not run'}` });
      continue;
    }
    onEvent?.({ type: 'start', step });
    await journal.append(step.id, 'start', step.detail);
    try {
      if (!step.run) throw new Error(`internal error: step ${step.id} has nothing to run`);
      const detail = firstLine(await step.run(ctx)) || step.title;
      summary.done.push({ step, outcome: 'done', detail });
      await journal.append(step.id, 'done', detail);
      onEvent?.({ type: 'result', step, outcome: 'done', detail });
    } catch (err) {
      const failure = describeFailure(step, err);
      if (classifyAwsError(err) === 'credentials') summary.aborted = `the credentials stopped working (${describeAwsError(err).code})`;
      await finish({ step, outcome: 'failed', ...failure });
    }
  }
  return summary;
}

const PAST: Record<string, string> = { failed: 'failed', skipped: 'was skipped', refused: 'was refused' };

/** One line for a failed step; for a permission error, the action that was missing. */
export function describeFailure(step: Step, err: unknown): { detail: string; missingAction?: string } {
  const info = describeAwsError(err);
  if (classifyAwsError(err) === 'permission') {
    const named = /not authorized to perform:?\s*([a-z0-9-]+:[A-Za-z0-9*]+)/i.exec(info.message)?.[1];
    const missingAction = named ?? (step.actions.length ? step.actions.join(', ') : undefined);
    const needs = named ? named : step.actions.length === 1 ? step.actions[0] : step.actions.length ? `one of ${step.actions.join(', ')}` : 'a permission AWS did not name';
    return { detail: `permission denied (${info.code}): the caller needs ${needs}`, ...(missingAction ? { missingAction } : {}) };
  }
  // Not an AWS error: a bug or a guard in the step; its own message is the one to show.
  const message = err instanceof Error && !('$metadata' in err) ? redactSecrets(firstLine(err.message)) : `${info.code}: ${info.message}`;
  return { detail: message };
}

const firstLine = (text: string): string => (text.split('\n')[0] ?? '').trim();

/** 0 when every create/update step is done; 1 when some failed, were skipped or were refused. */
export function applyExitCode(summary: ApplySummary): number {
  if (summary.aborted) return 3;
  return summary.failed.length + summary.skipped.length + summary.refused.length > 0 ? 1 : 0;
}
