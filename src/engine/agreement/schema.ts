import { z } from 'zod';
import { LIMITS, list, nonEmptyText, text } from '../config/limits';
import { MAX_BUSINESS_DAYS } from './goal-target';

/**
 * The shape of an agreement, strictly: an unknown key is a typo until proven otherwise. Every string and list
 * is bounded (`config/limits.ts`).
 */
const strings = list(nonEmptyText(LIMITS.jiraName), LIMITS.conditionValues).min(1);
const jql = text(LIMITS.jql);
const id = nonEmptyText(LIMITS.id);
const name = text(LIMITS.name);
const jiraName = nonEmptyText(LIMITS.jiraName);
const shortText = text(LIMITS.shortText);

export const conditionSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('created') }),
  z.strictObject({
    event: z.literal('status'),
    to: strings.optional(),
    from: strings.optional(),
    toCategory: z.enum(['new', 'indeterminate', 'done']).optional(),
  }),
  z.strictObject({
    event: z.literal('comment'),
    by: z.enum(['agent', 'customer', 'any']),
    public: z.boolean().optional(),
  }),
  z.strictObject({ event: z.literal('assignee'), change: z.enum(['set', 'cleared', 'changed']) }),
  z.strictObject({ event: z.literal('resolution'), change: z.enum(['set', 'cleared']) }),
  z.strictObject({ event: z.literal('field'), field: jiraName, to: strings.optional() }),
]);

const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('comment'),
    body: nonEmptyText(LIMITS.actionText),
    internal: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('notify'),
    to: list(z.enum(['assignee', 'reporter', 'watchers']), LIMITS.recipients),
    groups: list(text(LIMITS.jiraName), LIMITS.recipients).optional(),
    users: list(text(LIMITS.jiraName), LIMITS.recipients).optional(),
    subject: nonEmptyText(LIMITS.name),
    body: nonEmptyText(LIMITS.actionText),
  }),
  z.strictObject({ type: z.literal('assign'), accountId: jiraName.nullable() }),
  z.strictObject({ type: z.literal('priority'), name: jiraName }),
  z.strictObject({ type: z.literal('transition'), to: jiraName }),
  z.strictObject({
    type: z.literal('label'),
    add: jiraName.regex(/^\S+$/, 'a label has no spaces'),
  }),
]);

const minutes = z.number().nonnegative();

const thresholdSchema = z.strictObject({
  at: z.union([
    z.strictObject({ percent: z.number().gt(0).max(1000) }),
    z.strictObject({ minutesBefore: minutes }),
    z.strictObject({ minutesAfterBreach: minutes }),
  ]),
  repeatEveryMinutes: z.number().gt(0).optional(),
  actions: list(actionSchema, LIMITS.actions),
});

const localTime = shortText.regex(/^\d{2}:\d{2}$/, 'a local time of day "HH:mm"');

const goalSchema = z.strictObject({
  when: jql.optional(),
  // Exactly one of the three targets; checkGoalTarget (goal-target.ts) says which is missing or extra.
  targetMinutes: minutes.nullable().optional(),
  businessDays: z
    .strictObject({
      days: z.number().int().min(0).max(MAX_BUSINESS_DAYS),
      cutoff: localTime.optional(),
      dueAt: localTime.optional(),
    })
    .optional(),
  dueDateField: jiraName.optional(),
  calendar: id,
  objectivePercent: z.number().min(0).max(100).optional(),
});

const conditions = list(conditionSchema, LIMITS.conditions);
const metricSchema = z.strictObject({
  id,
  name,
  start: conditions.min(1),
  stop: conditions.min(1),
  pauseWhile: jql.optional(),
  reset: conditions.optional(),
  goals: list(goalSchema, LIMITS.goals).min(1),
  goalChange: z.enum(['retarget', 'keep']).optional(),
  thresholds: list(thresholdSchema, LIMITS.thresholds).optional(),
});

const percent = z.number().min(0).max(100);

const penaltySchema = z.strictObject({
  metric: id.optional(),
  goal: z.number().int().nonnegative().optional(),
  service: id.optional(),
  belowPercent: percent.optional(),
  creditPercent: percent,
  period: z.enum(['month', 'quarter']),
});

const maintenanceSchema = z.strictObject({
  from: nonEmptyText(LIMITS.shortText),
  to: nonEmptyText(LIMITS.shortText),
  weekly: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']).optional(),
  name: name.optional(),
});

const availabilitySchema = z.strictObject({
  service: id,
  objectivePercent: z.number().gt(0).max(100),
  calendar: id,
  incidentJql: jql.min(1),
  outageStartField: jiraName.optional(),
  outageEndField: jiraName.optional(),
  maintenanceWindows: list(maintenanceSchema, LIMITS.maintenanceWindows).optional(),
});

export const agreementSchema = z.strictObject({
  id,
  name,
  kind: z.enum(['SLA', 'OLA', 'UC']),
  counterparty: text(LIMITS.counterparty).optional(),
  validFrom: shortText.optional(),
  validTo: shortText.optional(),
  reviewBy: shortText.optional(),
  appliesTo: jql.optional(),
  customerVisible: z.boolean().optional(),
  commitmentComments: z.strictObject({ moveMinutes: z.number().int().min(1).max(525_600) }).optional(),
  metrics: list(metricSchema, LIMITS.metrics).min(1),
  reportingTimeZone: nonEmptyText(LIMITS.shortText).optional(),
  monthlyFee: z.number().nonnegative().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code of three capital letters, e.g. "EUR"')
    .optional(),
  penalties: list(penaltySchema, LIMITS.penalties).optional(),
  creditCapPercent: percent.optional(),
  availability: list(availabilitySchema, LIMITS.availability).optional(),
  extensionGroups: z
    .array(z.string().max(255).regex(/\S/, 'a group name is not blank'))
    .max(20)
    .refine((groups) => new Set(groups).size === groups.length, 'each group is named once')
    .optional(),
  countExcusedBreaches: z.boolean().optional(),
});
