// The IAM actions a plan calls, for docs/permissions.md: apply needs these on top of the audit's reads.

/** `admin-user:alice` -> `admin-user`: the doc names kinds of steps, not one account's users or regions. */
export const stepKindOf = (stepId: string): string => stepId.split(':')[0] ?? stepId;

/** Every action the steps call, sorted, each with the kinds of step that call it (sorted). */
export function actionsOf(steps: readonly { id: string; actions: readonly string[] }[]): Map<string, string[]> {
  const byAction = new Map<string, Set<string>>();
  for (const step of steps) {
    for (const action of step.actions) {
      let kinds = byAction.get(action);
      if (!kinds) byAction.set(action, (kinds = new Set()));
      kinds.add(stepKindOf(step.id));
    }
  }
  return new Map([...byAction.keys()].sort().map((action) => [action, [...byAction.get(action)!].sort()]));
}

/** The doc's table rows: `| \`iam:CreateUser\` | admin-user |`. */
export const actionRows = (actions: Map<string, string[]>): string[] =>
  [...actions].map(([action, kinds]) => `| \`${action}\` | ${kinds.join(', ')} |`);
