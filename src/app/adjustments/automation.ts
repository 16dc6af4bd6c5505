/**
 * Jira Automation's actions (Forge `action` modules offered by `automation:actionProvider`): extend a deadline,
 * excuse a breach, read a metric's state and deadline for later steps of a rule. Each runs as the rule's actor
 * with the same checks as the panel's routes; a refusal or bad input is Automation's error reply
 * (`{ errors: [{ message }] }`, shown in the rule's audit log), never a thrown stack.
 */
import { z } from 'zod';
import type { MetricResult } from '../../engine/evaluate/result';
import { parseInstant } from '../../engine/time/iso';
import { MS_PER_MINUTE } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import { JiraError } from '../ports';
import type { CallContext } from '../resolvers/context';
import { Refusal } from '../resolvers/envelope';
import { requireBrowse } from '../resolvers/guard';
import { excuseBreach, extendDeadline, MAX_EXTENSION_MINUTES, measure } from './adjust-cycle';

export type AutomationActionName = 'extend' | 'excuse' | 'metric';

/** What Automation gets back: the action's outputs for later steps, or its errors. */
export type AutomationReply =
  | Readonly<Record<string, string | number | boolean | null>>
  | { readonly errors: readonly { readonly message: string }[] };

// Automation hands over what the rule's author typed or a smart value produced ({{issue.id}}): text, so
// numbers are read from text too.
const text = (max: number) => z.string().trim().min(1).max(max);
const issueId = z.coerce
  .string()
  .trim()
  .regex(/^\d+$/, 'issueId is the issue’s numeric id, e.g. {{issue.id}}');
const ref = { issueId, agreementId: text(128), metricId: text(128) };
const schemas = {
  extend: z.object({
    ...ref,
    minutes: z.coerce.number().int().min(1).max(MAX_EXTENSION_MINUTES),
    reason: text(1000),
  }),
  excuse: z.object({ ...ref, reason: text(1000) }),
  metric: z.object(ref),
} as const;

/**
 * Runs one action for the rule's actor (`accountId`; none: refused). `inputs` are the action's configured
 * inputs as Automation passes them.
 * @example await runAutomationAction(deps, 'extend', { issueId: '10001', agreementId: 'gold', metricId: 'first-response', minutes: '60', reason: 'Vendor' }, 'acc-1')
 */
export async function runAutomationAction(
  deps: Deps,
  action: AutomationActionName,
  inputs: unknown,
  accountId: string | undefined,
): Promise<AutomationReply> {
  if (accountId === undefined) return fail('Accord could not tell which account runs this rule.');
  const parsed = schemas[action].safeParse(inputs);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((i) => ({ message: `${i.path.join('.') || 'inputs'}: ${i.message}` })),
    };
  }
  // ATTENTION: Forge tells an action its principal, not the account's type; the rule's actor is an account an
  // admin chose, and every check below (browse, then Jira admin or a named group) runs as that account.
  const ctx: CallContext = { accountId, accountType: 'licensed', module: 'issue-panel' };
  try {
    switch (action) {
      case 'extend': {
        const p = schemas.extend.parse(parsed.data);
        const outcome = await extendDeadline(deps, ctx, p);
        return outputsOf(outcome.metric);
      }
      case 'excuse': {
        const p = schemas.excuse.parse(parsed.data);
        const outcome = await excuseBreach(deps, ctx, p);
        return outputsOf(outcome.metric);
      }
      case 'metric': {
        const p = schemas.metric.parse(parsed.data);
        await requireBrowse(deps, ctx, p.issueId);
        // Measured now, not as last stored: a rule reads the deadline and time left as they are.
        const history = await deps.store.histories.get(p.issueId);
        const metric = history && (await measure(deps, history, p, deps.clock.now()));
        if (!metric) return fail(`${p.agreementId} measures no ${p.metricId} on issue ${p.issueId}.`);
        return outputsOf(metric);
      }
    }
  } catch (error) {
    if (error instanceof Refusal) return fail(error.message);
    if (error instanceof JiraError) return fail(`Jira did not answer as expected: ${error.message}`);
    throw error;
  }
}

const fail = (message: string): AutomationReply => ({ errors: [{ message }] });

/**
 * A metric for later steps of a rule: its state, whether it is breached, the last cycle's deadline (ISO, or
 * empty-valued null), the working minutes left (negative past the deadline), and its extension and excuse.
 */
export function outputsOf(metric: MetricResult): AutomationReply {
  const cycle = metric.cycles[metric.cycles.length - 1];
  const remaining = cycle?.remainingMs ?? null;
  return {
    state: metric.state,
    breached: metric.breached,
    deadline: cycle?.deadline ?? null,
    deadlineEpochMs: cycle?.deadline ? (parseInstant(cycle.deadline) ?? null) : null,
    // `+ 0` turns JavaScript's -0 (at the deadline exactly) into 0.
    remainingMinutes: remaining === null ? null : Math.trunc(remaining / MS_PER_MINUTE) + 0,
    extendedMinutes: cycle?.extended?.minutes ?? 0,
    excused: cycle?.excused === true,
  };
}
