/**
 * @jest-environment jsdom
 */
import { waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement } from '../../../src/engine/agreement/types';
import type { Calendar } from '../../../src/engine/calendar/types';
import { makeJob } from '../../shared/testing/builders';
import type { ReplyTo } from '../../shared/api/reply';
import {
  type AnyReply,
  type Call,
  type CallTo,
  fakeBackend,
  refused,
} from '../../shared/testing/fake-backend';
import {
  button,
  clean,
  description,
  field,
  found,
  leave,
  loadTabsFirst,
  mountPage,
  type,
} from './testing/render';

const examples = join(__dirname, '../../../examples');
const read = (file: string): unknown => JSON.parse(readFileSync(join(examples, file), 'utf8'));
const AGREEMENTS = read('agreements.json') as Agreement[];
const CALENDARS = read('calendars.json') as Calendar[];
const version = <T,>(body: T & { id: string }, v = 1) => ({
  id: body.id,
  version: v,
  body,
  savedAt: 0,
  savedBy: 'chris-admin',
});
const ok = <T,>(data: T) => ({ ok: true as const, data });
const CHECKED = { status: 'checked' as const, warnings: [] };
/** The save of a test that saves nothing. */
const unsaved = (): ReplyTo<'agreements/save'> => ({
  ok: false,
  error: refused('internal-error', { detail: 'no save in this test' }).error,
});

const PLACEMENTS = [{ projectKey: 'IT', agreementIds: AGREEMENTS.map((a) => a.id) }];

/**
 * The admin's routes over the examples, with `save` deciding what agreements/save answers and `projects` what
 * the project lists are and what projects/save answers.
 */
function site(
  save: (call: CallTo<'agreements/save'>) => ReplyTo<'agreements/save'>,
  agreements: readonly Agreement[] = AGREEMENTS,
  projects: {
    placements: () => { projectKey: string; agreementIds: string[] }[];
    save?: (call: CallTo<'projects/save'>) => ReplyTo<'projects/save'>;
  } = {
    placements: () => PLACEMENTS,
  },
  locale = 'en-GB',
) {
  return fakeBackend(
    (call) => {
      switch (call.route) {
        case 'projects/save':
          return projects.save?.(call) ?? ok({ projectKey: call.payload.projectKey, agreementIds: [] });
        case 'agreements/list':
          return ok(agreements.map((a) => version(a)));
        case 'agreements/get':
          return ok(version(AGREEMENTS.find((a) => a.id === call.payload.id) ?? AGREEMENTS[0]!));
        case 'agreements/history':
          return ok([version(AGREEMENTS[0]!)]);
        case 'agreements/placements':
          return ok({ projects: projects.placements() });
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
          return save(call);
        default:
          return refused('route-unknown', { route: call.route });
      }
    },
    { locale, timeZone: 'Europe/Berlin' },
  );
}

let container: HTMLElement;
let user: UserEvent;

async function openGold(fake: ReturnType<typeof site>): Promise<void> {
  ({ container, user } = mountPage(fake.backend));
  // The tabs are lazy chunks, loaded before the first test (loadTabsFirst).
  await user.click(await found(() => button(container, 'Gold support'), 'the agreements list'));
  await found(() => field(container, 'Name'), 'the agreement editor');
}

loadTabsFirst();

const liveRegion = (): string =>
  clean(container.querySelector('[role="status"][aria-live="polite"]')?.textContent);

describe('the list of agreements', () => {
  it('puts what needs attention first and makes it stand out: reviews due and agreements about to expire', async () => {
    const [gold, secondLevel, netco] = AGREEMENTS;
    const fake = site(unsaved, [
      { ...gold!, reviewBy: '2026-02-15' },
      secondLevel!,
      { ...netco!, validTo: '2026-03-20', reviewBy: '2026-03-10' },
    ]);
    ({ container, user } = mountPage(fake.backend));
    await found(() => button(container, 'Gold support'), 'the agreements list');
    const rows = [...container.querySelectorAll('tbody tr')];
    expect(rows.map((r) => clean(r.querySelector('button')?.textContent))).toEqual([
      'Gold support',
      'NetCo carrier contract',
      'Second-level network team',
    ]);
    expect(rows.map((r) => r.classList.contains('accord-row--attention'))).toEqual([true, true, false]);
    expect(clean(rows[0]?.textContent)).toContain('Review overdue since 15 Feb 2026');
    expect(clean(rows[1]?.textContent)).toContain('Expires 20 Mar 2026, in 18 days');
    expect(clean(rows[1]?.textContent)).toContain('Review due 10 Mar 2026, in 8 days');
    // Kind, counterparty, validity and where it applies.
    expect(clean(rows[1]?.textContent)).toContain('UCNetCo1 Jul 2025 – 20 Mar 2026');
    expect(clean(rows[1]?.textContent)).toContain('ITproject = IT AND component = Network');
    expect(clean(container.querySelector('.accord-attention-summary')?.textContent)).toBe(
      '2 agreements need attention: their review is due or they are about to expire.',
    );
  });
});

describe('saving an agreement', () => {
  it('shows the backend’s refusal next to the field it names, and the summary moves focus there', async () => {
    const fake = site(() => ({
      ok: false,
      error: {
        code: 'invalid-config',
        reason: 'agreement-invalid',
        params: {},
        message: 'The agreement has problems; nothing was saved.',
        problems: [
          {
            code: 'agreement.calendar.unknown',
            message: 'no calendar "berlin-9-17" (it was deleted)',
            path: '$.agreement.metrics[0].goals[1].calendar',
          },
          { code: 'agreement.name', message: 'a name is required', path: '$.agreement.name' },
        ],
      },
    }));
    await openGold(fake);
    await type(user, field(container, 'Name'), 'Gold support 2027');
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(liveRegion()).toBe('Not saved');
    });

    expect(fake.calls.find((c) => c.route === 'agreements/save')?.payload).toEqual({
      agreement: expect.objectContaining({ id: 'gold', name: 'Gold support 2027' }),
      expectedVersion: 1,
    });
    // The message and what to do, in an alert; a screen reader hears that it was not saved.
    const alert = container.querySelector('[role="alert"]');
    expect(clean(alert?.textContent)).toContain('The agreement has problems; nothing was saved.');
    expect(clean(alert?.textContent)).toContain('Fix the fields marked below, then save again.');

    // At the field: the goal's calendar of the first metric's second goal.
    const calendarField = container.querySelector('[data-path="$.metrics[0].goals[1].calendar"]');
    expect(clean(calendarField?.querySelector('.accord-field__errors')?.textContent)).toBe(
      'no calendar "berlin-9-17" (it was deleted)',
    );
    const name = field(container, 'Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(description(name)).toBe('a name is required');

    // The summary names where, and takes the keyboard there.
    await user.click(button(container, 'Metric 1 › Goal 2 › Calendar'));
    expect(document.activeElement?.id).toBe('accord-field-metrics-0-goals-1-calendar');

    // Fixing the name takes its message away; the other stays until its field changes.
    await type(user, field(container, 'Name'), 'Gold support');
    expect(field(container, 'Name').getAttribute('aria-invalid')).not.toBe('true');
    expect(clean(calendarField?.querySelector('.accord-field__errors')?.textContent)).toBe(
      'no calendar "berlin-9-17" (it was deleted)',
    );
  });

  it('offers to reload when someone else saved in between', async () => {
    const fake = site(() => ({
      ok: false,
      error: refused(
        'version-conflict',
        { kind: 'agreement', version: 2 },
        'This agreement was changed by someone else (now version 2); reload it and try again.',
      ).error,
    }));
    await openGold(fake);
    await type(user, field(container, 'Customer'), 'Acme Corporation');
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(clean(container.querySelector('[role="alert"]')?.textContent)).toContain('now version 2');
    });
    const gets = fake.calls.filter((c) => c.route === 'agreements/get').length;
    await user.click(button(container, 'Reload latest version'));
    await waitFor(() => {
      expect(fake.calls.filter((c) => c.route === 'agreements/get')).toHaveLength(gets + 1);
    });
  });

  it('tells a German admin why the save was refused in German, not in the server’s English', async () => {
    const english = 'This agreement was changed by someone else (now version 2); reload it and try again.';
    const fake = site(
      () => refused('version-conflict', { kind: 'agreement', version: 2 }, english),
      AGREEMENTS,
      { placements: () => PLACEMENTS },
      'de-DE',
    );
    await openGold(fake);
    await type(user, field(container, 'Kunde'), 'Acme Corporation');
    await user.click(button(container, 'Speichern'));
    const alert = () => clean(container.querySelector('[role="alert"]')?.textContent);
    await waitFor(() => {
      expect(alert()).toContain(
        'Diese Vereinbarung wurde von jemand anderem geändert (jetzt Version 2); laden Sie sie neu und versuchen Sie es erneut.',
      );
    });
    expect(alert()).not.toContain(english);
    expect(button(container, 'Neueste Version laden')).toBeDefined();
  });

  it('says it saved, and offers to recalculate the issues measured before', async () => {
    const fake = site((call) =>
      ok({
        ...version(call.payload.agreement as Agreement, 2),
        siteCheck: CHECKED,
        savedAt: Date.parse('2026-03-02T10:00:00+01:00'),
        savedBy: 'dana-admin',
      }),
    );
    await openGold(fake);
    const head = () => clean(container.querySelector('.accord-editor__head p')?.textContent);
    expect(head()).toContain('Version 1');
    await type(user, field(container, 'Customer'), 'Acme Corporation');
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(liveRegion()).toBe('Agreement “Gold support” saved as version 2.');
    });
    // The header names the version just saved, with its own date and author, not the loaded one's.
    expect(head()).toMatch(/Version 2.*2 Mar 2026.*dana-admin/);
    expect(clean(container.textContent)).toContain('Saved as version 2');
    expect(button(container, 'Recalculate issues')).toBeDefined();
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('adds the agreement to a project over the list as loaded, and to the list someone changed meanwhile', async () => {
    const [gold, secondLevel] = AGREEMENTS.map((a) => a.id);
    // HR had no list when the page loaded; someone gives it one before the save.
    let hr: string[] | undefined;
    const fake = site(
      (call) => ok({ ...version(call.payload.agreement as Agreement, 2), siteCheck: CHECKED }),
      AGREEMENTS,
      {
        placements: () => (hr ? [...PLACEMENTS, { projectKey: 'HR', agreementIds: hr }] : PLACEMENTS),
        save: (call) => {
          const expected = call.payload.expected as string[];
          if (expected.join() !== (hr ?? []).join())
            return refused('placement-conflict', { projectKey: 'HR' });
          hr = call.payload.agreementIds as string[];
          return ok({ projectKey: 'HR', agreementIds: hr });
        },
      },
    );
    await openGold(fake);
    hr = [secondLevel!];
    await type(user, field(container, 'Projects'), 'IT, HR');
    await leave(user);
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(liveRegion()).toMatch(/^Agreement “Gold support” saved as version 2/);
    });
    const saves = fake.calls.filter((c) => c.route === 'projects/save').map((c) => c.payload);
    expect(saves).toEqual([
      { projectKey: 'HR', agreementIds: [gold], expected: [] },
      { projectKey: 'HR', agreementIds: [secondLevel, gold], expected: [secondLevel] },
    ]);
    expect(hr).toEqual([secondLevel, gold]);
    expect(liveRegion()).toBe('Agreement “Gold support” saved as version 2.');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so when a project list cannot be written, and never writes over a list it did not load', async () => {
    const fake = site(
      (call) => ok({ ...version(call.payload.agreement as Agreement, 2), siteCheck: CHECKED }),
      AGREEMENTS,
      {
        placements: () => PLACEMENTS,
        save: () => refused('placement-conflict', { projectKey: 'IT' }),
      },
    );
    await openGold(fake);
    await type(user, field(container, 'Projects'), '');
    await leave(user);
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(liveRegion()).toMatch(/^Agreement “Gold support” saved as version 2/);
    });
    const saves = fake.calls.filter((c) => c.route === 'projects/save').map((c) => c.payload);
    // Once over the list as loaded, once over the list read again; both refused.
    expect(saves).toHaveLength(2);
    for (const save of saves) expect(save.expected).toEqual(PLACEMENTS[0]!.agreementIds);
    expect(liveRegion()).toBe(
      'Agreement “Gold support” saved as version 2, but its projects could not all be set.',
    );
    expect(clean(container.textContent)).toContain('The projects could not all be set');
    expect(clean(container.textContent)).toContain(
      'Someone else changed the agreements of project IT while you were editing',
    );
  });
});

describe('an agreement editor a person can take in', () => {
  const metricToggle = (name: string): HTMLButtonElement => {
    const toggle = [...container.querySelectorAll<HTMLButtonElement>('.accord-metric-editor button')].find(
      (b) => b.hasAttribute('aria-expanded') && clean(b.textContent).endsWith(name),
    );
    if (!toggle) throw new Error(`no metric "${name}"`);
    return toggle;
  };

  it('unfolds only the metric being edited, and folds the rest to a line each', async () => {
    await openGold(site(unsaved));
    expect(metricToggle('Time to first response').getAttribute('aria-expanded')).toBe('true');
    expect(metricToggle('Time to resolution').getAttribute('aria-expanded')).toBe('false');
    // The folded metric is a line: its name and how many goals it has; none of its fields.
    const folded = metricToggle('Time to resolution').closest('section');
    expect(clean(folded?.querySelector('.accord-metric-editor__summary')?.textContent)).toMatch(
      /^\d+ goals?/,
    );
    expect(container.querySelector('#accord-field-metrics-1-name')).toBeNull();
    expect(container.querySelector('#accord-field-metrics-0-name')).not.toBeNull();

    await user.click(metricToggle('Time to resolution'));
    expect(metricToggle('Time to resolution').getAttribute('aria-expanded')).toBe('true');
    expect(metricToggle('Time to first response').getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('#accord-field-metrics-1-name')).not.toBeNull();
    expect(container.querySelector('#accord-field-metrics-0-name')).toBeNull();
  });

  it('unfolds a new metric with its name in focus', async () => {
    await openGold(site(unsaved));
    await user.click(button(container, 'Add metric'));
    expect(metricToggle('Metric 3').getAttribute('aria-expanded')).toBe('true');
    expect(metricToggle('Time to first response').getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement?.id).toBe('accord-field-metrics-2-name');
  });

  it('unfolds every metric and section that holds a problem of a save', async () => {
    const fake = site(() => ({
      ok: false,
      error: {
        code: 'invalid-config',
        reason: 'agreement-invalid',
        params: {},
        message: 'The agreement has problems; nothing was saved.',
        problems: [
          { code: 'x', message: 'no such calendar', path: '$.agreement.metrics[1].goals[0].calendar' },
        ],
      },
    }));
    await openGold(fake);
    const preview = button(container, 'Preview on resolved issues');
    expect(preview.getAttribute('aria-expanded')).toBe('false');
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(metricToggle('Time to resolution').getAttribute('aria-expanded')).toBe('true');
    });
    expect(container.querySelector('#accord-field-metrics-1-goals-0-calendar')).not.toBeNull();
  });

  it('folds and unfolds a section from its heading', async () => {
    await openGold(site(unsaved));
    const general = button(container, 'Agreement');
    expect(general.getAttribute('aria-expanded')).toBe('true');
    await user.click(general);
    expect(general.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector<HTMLElement>('#accord-agr-general-body')?.hidden).toBe(true);
    await user.click(general);
    expect(container.querySelector<HTMLElement>('#accord-agr-general-body')?.hidden).toBe(false);
  });
});

describe('restoring a version', () => {
  it('offers to recalculate, naming the metrics the restored version no longer has, and starts the job', async () => {
    const gold = AGREEMENTS[0]!;
    const older = { ...gold, metrics: gold.metrics.filter((m) => m.id !== 'first-response') };
    let versions = [version(older, 1), version(gold, 2)];
    const sites = site((call) => {
      const written = version(call.payload.agreement as Agreement, versions.length + 1);
      versions = [...versions, written];
      return ok({ ...written, siteCheck: CHECKED });
    });
    const answer = (call: Call): AnyReply | Promise<AnyReply> => {
      if (call.route === 'agreements/get') return ok(versions[versions.length - 1]!);
      if (call.route === 'agreements/history') return ok(versions);
      if (call.route === 'jobs/start') return ok(makeJob({ state: 'queued', done: 0, total: null }));
      return sites.backend.call(call.route, call.payload) as Promise<AnyReply>;
    };
    const fake = fakeBackend(answer, { locale: 'en-GB', timeZone: 'Europe/Berlin' });
    await openGold(fake);
    await user.click(button(container, 'Version history'));
    await user.click(await found(() => button(container, 'Restore Version 1'), 'the versions'));
    await user.click(button(document.body, 'Restore'));
    await found(
      () => (clean(container.textContent).includes('Version 1 restored as version 3') ? true : null),
      'the offer after the restore',
    );
    expect(clean(container.textContent)).toContain('No longer in this agreement: Time to first response.');
    await user.click(button(container, 'Recalculate issues'));
    expect(fake.calls.filter((c) => c.route === 'jobs/start').map((c) => c.payload)).toEqual([
      { scope: { kind: 'agreement', agreementId: 'gold' }, replaceCompleted: false },
    ]);
  });
});

describe("saving an agreement the site's JQL check warns about", () => {
  it('saves, says so, and shows the warning at its field until the field changes', async () => {
    // What agreements/save answers for a goal `priority = Highst` on a site whose priorities are Jira's defaults.
    const warning = {
      code: 'jql.unknown-value',
      message: 'No priority "Highst" on this site; did you mean "Highest"?',
      path: '$.agreement.metrics[0].goals[0].when',
      column: 12,
      detail: {
        key: 'jql.unknown-value',
        values: { field: 'priority', value: 'Highst', count: 1, nearest0: 'Highest' },
      },
    };
    const fake = site((call) =>
      ok({
        ...version(call.payload.agreement as Agreement, 2),
        siteCheck: { status: 'checked', warnings: [warning] },
      }),
    );
    await openGold(fake);
    const when = () =>
      container.querySelector<HTMLInputElement>('[data-path="$.metrics[0].goals[0].when"] input');
    await type(user, when()!, 'priority = Highst');
    await user.click(button(container, 'Save'));

    await waitFor(() => {
      expect(clean(container.querySelector('.accord-editor p.accord-field__warnings')?.textContent)).toBe(
        'Saved with 1 warning: the JQL names a value this Jira site does not have (see the field).',
      );
    });
    const atField = container.querySelector(
      '[data-path="$.metrics[0].goals[0].when"] .accord-field__warnings',
    );
    expect(clean(atField?.textContent)).toBe(
      'Warning: Column 12: No priority "Highst" on this site; did you mean "Highest"?',
    );
    expect(when()?.getAttribute('aria-invalid')).not.toBe('true');

    await type(user, when()!, 'priority = Highest');
    expect(
      container.querySelector('[data-path="$.metrics[0].goals[0].when"] .accord-field__warnings'),
    ).toBeNull();
    expect(container.querySelector('.accord-editor p.accord-field__warnings')).toBeNull();
  });

  it('says the JQL went unchecked when Jira could not be read', async () => {
    const fake = site((call) =>
      ok({
        ...version(call.payload.agreement as Agreement, 2),
        siteCheck: { status: 'skipped', reason: 'jira-unreadable', warnings: [] },
      }),
    );
    await openGold(fake);
    await type(user, field(container, 'Name'), 'Gold support 2027');
    await user.click(button(container, 'Save'));
    await waitFor(() => {
      expect(clean(container.textContent)).toContain(
        "Jira could not be read just now, so the JQL was not checked against this site's fields and values.",
      );
    });
  });
});
