import { z } from 'zod';
import { MAX_BUSINESS_DAYS } from './goal-target';

/** The shape of an agreement, strictly: an unknown key is a typo until proven otherwise. */
const strings = z.array(z.string().min(1)).min(1);

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
  z.strictObject({ event: z.literal('field'), field: z.string().min(1), to: strings.optional() }),
]);

const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('comment'), body: z.string().min(1), internal: z.boolean().optional() }),
  z.strictObject({
    type: z.literal('notify'),
    to: z.array(z.enum(['assignee', 'reporter', 'watchers'])),
    groups: z.array(z.string()).optional(),
    users: z.array(z.string()).optional(),
    subject: z.string().min(1),
    body: z.string().min(1),
  }),
  z.strictObject({ type: z.literal('assign'), accountId: z.string().min(1).nullable() }),
  z.strictObject({ type: z.literal('priority'), name: z.string().min(1) }),
  z.strictObject({ type: z.literal('transition'), to: z.string().min(1) }),
  z.strictObject({ type: z.literal('label'), add: z.string().regex(/^\S+$/, 'a label has no spaces') }),
]);

const minutes = z.number().nonnegative();

const thresholdSchema = z.strictObject({
  at: z.union([
    z.strictObject({ percent: z.number().gt(0).max(1000) }),
    z.strictObject({ minutesBefore: minutes }),
    z.strictObject({ minutesAfterBreach: minutes }),
  ]),
  repeatEveryMinutes: z.number().gt(0).optional(),
  actions: z.array(actionSchema),
});

const localTime = z.string().regex(/^\d{2}:\d{2}$/, 'a local time of day "HH:mm"');

const goalSchema = z.strictObject({
  when: z.string().optional(),
  // Exactly one of the three targets; checkGoalTarget (goal-target.ts) says which is missing or extra.
  targetMinutes: minutes.nullable().optional(),
  businessDays: z
    .strictObject({
      days: z.number().int().min(0).max(MAX_BUSINESS_DAYS),
      cutoff: localTime.optional(),
      dueAt: localTime.optional(),
    })
    .optional(),
  dueDateField: z.string().min(1).optional(),
  calendar: z.string().min(1),
  objectivePercent: z.number().min(0).max(100).optional(),
});

const metricSchema = z.strictObject({
  id: z.string().min(1).max(128),
  name: z.string(),
  start: z.array(conditionSchema).min(1),
  stop: z.array(conditionSchema).min(1),
  pauseWhile: z.string().optional(),
  reset: z.array(conditionSchema).optional(),
  goals: z.array(goalSchema).min(1),
  goalChange: z.enum(['retarget', 'keep']).optional(),
  thresholds: z.array(thresholdSchema).optional(),
});

const percent = z.number().min(0).max(100);

const penaltySchema = z.strictObject({
  metric: z.string().min(1).optional(),
  goal: z.number().int().nonnegative().optional(),
  service: z.string().min(1).optional(),
  belowPercent: percent.optional(),
  creditPercent: percent,
  period: z.enum(['month', 'quarter']),
});

const maintenanceSchema = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  weekly: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']).optional(),
  name: z.string().optional(),
});

const availabilitySchema = z.strictObject({
  service: z.string().min(1).max(128),
  objectivePercent: z.number().gt(0).max(100),
  calendar: z.string().min(1),
  incidentJql: z.string().min(1),
  outageStartField: z.string().min(1).optional(),
  outageEndField: z.string().min(1).optional(),
  maintenanceWindows: z.array(maintenanceSchema).optional(),
});

export const agreementSchema = z.strictObject({
  id: z.string().min(1).max(128),
  name: z.string(),
  kind: z.enum(['SLA', 'OLA', 'UC']),
  counterparty: z.string().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  reviewBy: z.string().optional(),
  appliesTo: z.string().optional(),
  customerVisible: z.boolean().optional(),
  metrics: z.array(metricSchema).min(1),
  reportingTimeZone: z.string().min(1).optional(),
  monthlyFee: z.number().nonnegative().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code of three capital letters, e.g. "EUR"')
    .optional(),
  penalties: z.array(penaltySchema).optional(),
  creditCapPercent: percent.optional(),
  availability: z.array(availabilitySchema).optional(),
  extensionGroups: z
    .array(z.string().max(255).regex(/\S/, 'a group name is not blank'))
    .max(20)
    .refine((groups) => new Set(groups).size === groups.length, 'each group is named once')
    .optional(),
  countExcusedBreaches: z.boolean().optional(),
});
