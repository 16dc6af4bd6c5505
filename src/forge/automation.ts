/**
 * Jira Automation's action functions (manifest.yml, `action` and `automation:actionProvider`). Forge calls an
 * action's function with the inputs the rule configured and a context naming the rule's actor
 * (`context.principal.accountId`); the use cases live in src/app/adjustments/automation.ts.
 */
import {
  runAutomationAction,
  type AutomationActionName,
  type AutomationReply,
} from '../app/adjustments/automation';
import { forgeDeps } from './runtime';

/** Extends a running deadline by working minutes, with a reason. */
export const automationExtend = (payload: unknown, context: unknown): Promise<AutomationReply> =>
  run('extend', payload, context);

/** Excuses the latest breach of a metric, with a reason. */
export const automationExcuse = (payload: unknown, context: unknown): Promise<AutomationReply> =>
  run('excuse', payload, context);

/** Reads a metric's state, deadline and time left, for later steps of the rule. */
export const automationMetric = (payload: unknown, context: unknown): Promise<AutomationReply> =>
  run('metric', payload, context);

async function run(
  action: AutomationActionName,
  payload: unknown,
  context: unknown,
): Promise<AutomationReply> {
  return runAutomationAction(await forgeDeps(), action, inputsOf(payload), actorOf(context));
}

/** The configured inputs: the payload itself, or its `inputs` when Automation wraps them. */
export function inputsOf(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return payload;
  const inputs = (payload as { inputs?: unknown }).inputs;
  return typeof inputs === 'object' && inputs !== null ? inputs : payload;
}

/** The rule actor's account id from the invocation context (`principal.accountId`). */
export function actorOf(context: unknown): string | undefined {
  const principal = (context as { principal?: { accountId?: unknown } } | null)?.principal;
  return typeof principal?.accountId === 'string' && principal.accountId !== ''
    ? principal.accountId
    : undefined;
}
