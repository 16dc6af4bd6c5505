/**
 * @jest-environment jsdom
 */
import { waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement, Goal } from '../../../../src/engine/agreement/types';
import type { Calendar } from '../../../../src/engine/calendar/types';
import { fakeBackend, refused, type AnyReply } from '../../../shared/testing/fake-backend';
import { button, clean, description, field, type, found, loadTabsFirst, mountPage } from '../testing/render';
import { businessDayErrors, withTargetKind } from './goal-target';

const examples = join(__dirname, '../../../../examples');
const read = (file: string): unknown => JSON.parse(readFileSync(join(examples, file), 'utf8'));
const CALENDARS = read('calendars.json') as Calendar[];
const ok = <T,>(data: T) => ({ ok: true as const, data });
const CHECKED = { status: 'checked' as const, warnings: [] };
const version = <T,>(body: T & { id: string }) => ({
  id: body.id,
  version: 1,
  body,
  savedAt: 0,
  savedBy: 'x',
});

/** Gold support with its first response's catch-all goal in business days: by 17:00 the next working day. */
function goldWith(goal: Goal): Agreement {
  const gold = (read('agreements.json') as Agreement[])[0]!;
  const [first, ...rest] = gold.metrics;
  return { ...gold, metrics: [{ ...first!, goals: [first!.goals[0]!, first!.goals[1]!, goal] }, ...rest] };
}

function site(agreement: Agreement, locale = 'en-GB', refusal?: AnyReply) {
  return fakeBackend(
    (call) => {
      switch (call.route) {
        case 'agreements/list':
          return ok([version(agreement)]);
        case 'agreements/get':
          return ok(version(agreement));
        case 'agreements/history':
          return ok([version(agreement)]);
        case 'agreements/placements':
          return ok({ projects: [{ projectKey: 'IT', agreementIds: [agreement.id] }] });
        case 'agreements/preview':
          return ok({
            projectKey: 'IT',
            days: 30,
            issues: 4,
            complete: true,
            siteCheck: CHECKED,
            metrics: [
              {
                metricId: 'first-response',
                name: 'Time to first response',
                goals: [
                  {
                    index: 2,
                    targetMinutes: null,
                    objectivePercent: null,
                    met: 3,
                    breached: 1,
                    metPercent: 75,
                    objectiveMet: null,
                  },
                ],
              },
            ],
          });
        case 'calendars/list':
          return ok(CALENDARS.map((c) => version(c)));
        case 'calendars/region-holidays':
          return ok({
            region: call.payload.region,
            fromYear: call.payload.fromYear,
            toYear: call.payload.toYear,
            holidays: [],
          });
        case 'agreements/save':
          return (
            refusal ?? ok({ ...version(call.payload.agreement as Agreement), version: 2, siteCheck: CHECKED })
          );
        default:
          return refused('route-unknown', { route: call.route });
      }
    },
    { locale, timeZone: 'Europe/Berlin' },
  );
}

let container: HTMLElement;
let user: UserEvent;
loadTabsFirst();

async function open(fake: ReturnType<typeof site>, name = 'Gold support'): Promise<void> {
  ({ container, user } = mountPage(fake.backend));
  await user.click(await found(() => button(container, name), 'the agreements list'));
  await found(() => field(container, 'Name'), 'the agreement editor');
}

const goalTitles = () =>
  [...container.querySelectorAll('.accord-goal__title')].map((h) => clean(h.textContent));

describe('a goal in business days in the agreement editor', () => {
  it('shows its terms, checks them as they are typed, and saves them', async () => {
    const fake = site(
      goldWith({ businessDays: { days: 1, dueAt: '17:00', cutoff: '12:00' }, calendar: 'berlin-9-17' }),
    );
    await open(fake);
    expect(goalTitles()).toContain('Goal 3 · 1 business day, due 17:00, raised after 12:00: next day');
    // The preview on resolved issues states the goal's terms as well.
    await user.click(button(container, 'Preview on resolved issues'));
    await user.click(button(container, 'Preview'));
    const previewGoal = await found(
      () =>
        [...container.querySelectorAll('.accord-preview-run td')].find((td) =>
          clean(td.textContent).startsWith('Goal 3'),
        ),
      'the preview',
    );
    expect(clean(previewGoal.textContent)).toMatch(
      /^Goal 3 · 1 business day, due 17:00, raised after 12:00: next day/,
    );
    expect(field(container, 'Business days').value).toBe('1');
    expect(field(container, 'Due at').value).toBe('17:00');

    // Same day, due before the cut-off: a request raised at 11:59 would be due before it was raised.
    await type(user, field(container, 'Business days'), '0');
    await type(user, field(container, 'Due at'), '11:00');
    expect(description(field(container, 'Due at'))).toContain(
      'On the same day, the due time must be later than the cut-off.',
    );
    await type(user, field(container, 'Cut-off'), '9.30');
    expect(description(field(container, 'Cut-off'))).toContain('Enter a time of day as HH:mm');
    await type(user, field(container, 'Business days'), '1.5');
    expect(description(field(container, 'Business days'))).toContain(
      'Enter whole working days from 0 to 366.',
    );

    await type(user, field(container, 'Business days'), '2');
    await type(user, field(container, 'Cut-off'), '');
    await type(user, field(container, 'Due at'), '16:00');
    expect(goalTitles()).toContain('Goal 3 · 2 business days, due 16:00');
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(fake.calls.some((c) => c.route === 'agreements/save')).toBe(true);
    });
    const saved = fake.calls.find((c) => c.route === 'agreements/save')?.payload.agreement as Agreement;
    expect(saved.metrics[0]?.goals[2]).toEqual({
      businessDays: { days: 2, dueAt: '16:00' },
      calendar: 'berlin-9-17',
    });
  });

  it('shows a date-field goal by its field, in German', async () => {
    const fake = site(goldWith({ dueDateField: 'duedate', calendar: 'berlin-9-17' }), 'de-DE');
    await open(fake, 'Gold support');
    expect(goalTitles()).toContain('Ziel 3 · das Datum in Fälligkeitsdatum');
    await type(user, field(container, 'Datumsfeld'), ' ');
    expect(description(field(container, 'Datumsfeld'))).toContain('Nennen Sie das Datumsfeld.');
  });

  it('shows the backend’s problem at the part of the rule it names, and the summary names it', async () => {
    const fake = site(goldWith({ businessDays: { days: 1 }, calendar: 'berlin-9-17' }), 'en-GB', {
      ok: false,
      error: {
        code: 'invalid-config',
        reason: 'agreement-invalid',
        params: {},
        message: 'The agreement has problems; nothing was saved.',
        problems: [
          {
            code: 'agreement.goal.businessDays.time',
            message: 'not a local time of day "HH:mm" (00:00 to 24:00): "25:00"',
            path: '$.agreement.metrics[0].goals[2].businessDays.dueAt',
          },
        ],
      },
    });
    await open(fake);
    expect(goalTitles()).toContain('Goal 3 · 1 business day');
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(description(field(container, 'Due at'))).toContain('"25:00"');
    });
    expect(button(container, 'Metric 1 › Goal 3 › Business days › Due at')).toBeDefined();
  });
});

describe('switching the kind of target', () => {
  it('replaces the target, so a goal never has two', () => {
    const goal: Goal = { when: 'priority = High', targetMinutes: 60, calendar: 'c', objectivePercent: 95 };
    expect(withTargetKind(goal, 'businessDays')).toEqual({
      when: 'priority = High',
      calendar: 'c',
      objectivePercent: 95,
      businessDays: { days: 1 },
    });
    expect(withTargetKind(withTargetKind(goal, 'dueDateField'), 'minutes')).toEqual({
      ...goal,
      targetMinutes: 480,
    });
  });

  it('checks a business-day rule as the backend does', () => {
    expect(businessDayErrors({ days: 0, cutoff: '12:00', dueAt: '12:00' })).toEqual({
      dueAt: 'dueBeforeCutoff',
    });
    expect(businessDayErrors({ days: 1, cutoff: '12:00', dueAt: '12:00' })).toEqual({});
    expect(businessDayErrors({ days: 0, dueAt: '24:00' })).toEqual({});
    expect(businessDayErrors({ days: 367, cutoff: '24:30' })).toEqual({ days: 'days', cutoff: 'time' });
  });
});

describe('posting commitments as a comment', () => {
  it('is switched on for a customer-visible SLA, with the move that posts again, and saved', async () => {
    const fake = site(goldWith({ targetMinutes: 480, calendar: 'berlin-9-17' }));
    await open(fake);
    const toggle = container.querySelector<HTMLInputElement>('#accord-field-commitmentComments');
    expect(toggle?.disabled).toBe(false);
    await user.click(toggle!);
    expect(field(container, 'Post again when a time moves by more than').value).toBe('60');
    await type(user, field(container, 'Post again when a time moves by more than'), '0');
    expect(description(field(container, 'Post again when a time moves by more than'))).toContain(
      'Enter whole minutes, at least 1.',
    );
    await type(user, field(container, 'Post again when a time moves by more than'), '90');
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(fake.calls.some((c) => c.route === 'agreements/save')).toBe(true);
    });
    const saved = fake.calls.find((c) => c.route === 'agreements/save')?.payload.agreement as Agreement;
    expect(saved.commitmentComments).toEqual({ moveMinutes: 90 });
    expect(saved.customerVisible).toBe(true);
  });
});
