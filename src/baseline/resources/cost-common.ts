// What the cost planners share: the billing region, and the refusal when nobody would hear the alerts.
import { billingRegion } from '../../inventory/cost/where.js';
import type { ApplyContext, PlanContext, Step } from '../types.js';

export const NEEDS_ALERT_EMAILS = 'needs alertEmails in rampart.yaml';

/** Budgets, Cost Explorer and the billing metric live in the partition's billing region (us-east-1 in aws). */
export const billingRegionOf = (ctx: ApplyContext): string => billingRegion(ctx.session.region);

/** The billing region as the plan sees it: the snapshot's partition decides. */
export function planBillingRegion(ctx: PlanContext): string {
  const partition = ctx.snapshot.account.partition;
  return partition === 'aws-cn' ? 'cn-northwest-1' : partition === 'aws-us-gov' ? 'us-gov-west-1' : 'us-east-1';
}

/** An alert that reaches nobody is not worth creating: without alertEmails the step is refused, not thrown. */
export function refusedWithoutEmails(ctx: PlanContext, step: Pick<Step, 'id' | 'title' | 'actions'>): Step[] | null {
  if (ctx.spec.alertEmails.length) return null;
  return [{ ...step, kind: 'create', detail: 'no alert email addresses in the spec', refused: NEEDS_ALERT_EMAILS }];
}

/** "a@x.com, b@y.org". */
export const emailList = (emails: readonly string[]): string => emails.join(', ');
