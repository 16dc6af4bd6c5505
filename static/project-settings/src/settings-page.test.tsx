/**
 * @jest-environment jsdom
 */
import { cleanup, render as show, screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { UiContext } from '../../shared/backend';
import { makeJob } from '../../shared/testing/builders';
import { type AnyReply, type CallTo, fakeBackend, refused } from '../../shared/testing/fake-backend';
import { advance, loaded, onFakeClock, person } from '../../shared/testing/ui';
import type { Agreement, ProjectPreview, Version } from './api';
import { ProjectSettingsPage } from './settings-page';

const agreement = (id: string, name: string, body: Partial<Agreement> = {}): Version<Agreement> => ({
  id,
  version: 1,
  savedAt: 0,
  savedBy: 'chris-admin',
  body: {
    id,
    name,
    kind: 'SLA',
    metrics: [{ id: 'ttr', name: 'Time to resolution', start: [], stop: [], goals: [] }],
    ...body,
  },
});

const AGREEMENTS = [
  agreement('gold', 'Gold support', {
    counterparty: 'Acme Corp',
    appliesTo: 'project = IT',
    customerVisible: true,
  }),
  agreement('second-level', 'Second-level team', { kind: 'OLA', appliesTo: 'project = IT' }),
  agreement('netco', 'NetCo carrier', { kind: 'UC', validTo: '2026-01-31' }),
];

const ok = <T,>(data: T) => ({ ok: true as const, data });

/** A backend holding one project's list: answers the page's routes as the resolvers do. */
function site(
  initial: string[],
  options: { save?: (call: CallTo<'projects/save'>) => AnyReply | undefined } = {},
) {
  let list = [...initial];
  const fake = fakeBackend(
    (call) => {
      switch (call.route) {
        case 'agreements/list':
          return ok(AGREEMENTS);
        case 'projects/get':
          return ok({ projectKey: 'IT', agreementIds: list });
        case 'projects/save': {
          const refused = options.save?.(call);
          if (refused) return refused;
          list = [...call.payload.agreementIds];
          return ok({ projectKey: 'IT', agreementIds: list });
        }
        case 'projects/preview':
          return ok(preview);
        case 'jobs/start':
          return ok(makeJob({ state: 'queued', total: null, done: 0 }));
        case 'jobs/status':
          return ok(makeJob({ state: 'done', total: 12, done: 12 }));
        default:
          return refused('route-unknown', { route: call.route });
      }
    },
    { projectKey: 'IT', locale: 'en-GB', timeZone: 'Europe/Berlin', ...context },
  );
  return {
    ...fake,
    list: () => list,
    setList: (l: string[]) => {
      list = l;
    },
  };
}

// Atlaskit asks Atlassian's feature-gate client, which only Jira initialises, and warns once that it cannot.
const warn = console.warn.bind(console);
jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
  if (!JSON.stringify(args[0] ?? '').includes('feature gate')) warn(...args);
});

let context: Partial<UiContext> = {};
let container: HTMLElement;
let user: UserEvent;

onFakeClock(Date.parse('2026-03-02T10:00:00+01:00'));
beforeEach(() => {
  context = {};
});

async function render(fake: Pick<ReturnType<typeof site>, 'backend'>): Promise<void> {
  // A second render in one test is a new page.
  cleanup();
  ({ container } = show(<ProjectSettingsPage backend={fake.backend} />));
  user = person();
  await advance();
  await loaded(container);
}

const clean = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();
const names = (list: 'used' | 'unused'): string[] =>
  [...container.querySelectorAll(`[aria-labelledby="accord-${list}-title"] .accord-agreement__name`)].map(
    (e) => clean(e.textContent),
  );
const buttonNamed = (label: string): HTMLButtonElement => {
  const found = [...container.querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-label') === label || clean(b.textContent) === label,
  );
  if (!found) throw new Error(`no button "${label}"`);
  return found;
};
const toggle = (label: string): HTMLInputElement => {
  // Each switch is named by its visible <label for> ("Use Gold support in this project", the name shown).
  const found = [...container.querySelectorAll('input[type="checkbox"]')].find(
    (i) => clean(container.querySelector(`label[for="${i.id}"]`)?.textContent ?? null) === label,
  );
  if (!found) throw new Error(`no switch "${label}"`);
  return found as HTMLInputElement;
};
const status = (): string => clean(container.querySelector('main > [role="status"]')?.textContent ?? '');
const click = async (element: HTMLElement): Promise<void> => {
  await user.click(element);
};

describe('the project settings page', () => {
  it('lists the agreements the project uses in order, and the others, with what stands out about each', async () => {
    const fake = site(['second-level', 'gold']);
    await render(fake);
    expect(fake.calls.map((c) => c.route).sort()).toEqual(['agreements/list', 'projects/get']);
    expect(fake.calls.find((c) => c.route === 'projects/get')?.payload).toEqual({ projectKey: 'IT' });
    expect(names('used')).toEqual(['Second-level team', 'Gold support']);
    expect(names('unused')).toEqual(['NetCo carrier']);
    expect(
      clean(container.querySelector('[data-agreement="gold"] .accord-agreement__details')?.textContent ?? ''),
    ).toBe('Scope: project = IT1 metricShown to customers');
    expect(
      clean(container.querySelector('[data-agreement="netco"] .accord-agreement__note')?.textContent ?? ''),
    ).toBe('Expired 31 Jan 2026');
    expect(toggle('Use Gold support in this project').checked).toBe(true);
    expect(toggle('Use NetCo carrier in this project').checked).toBe(false);
    expect(buttonNamed('Save').disabled).toBe(true);
  });

  it('moves an agreement with the keyboard’s buttons, keeps the focus on it, and says where it went', async () => {
    await render(site(['gold', 'second-level']));
    const down = buttonNamed('Move Gold support down');
    expect(buttonNamed('Move Gold support up').disabled).toBe(true);
    down.focus();
    await click(down);
    expect(names('used')).toEqual(['Second-level team', 'Gold support']);
    expect(status()).toBe('Gold support moved to position 2 of 2.');
    // Now last, "down" is disabled: the focus goes to "up", where the keyboard user goes next.
    expect(document.activeElement).toBe(buttonNamed('Move Gold support up'));
    expect(buttonNamed('Save').disabled).toBe(false);
    expect(container.textContent).toContain('You have unsaved changes.');
  });

  it('saves the new order over the list it loaded, then offers to re-measure the project’s issues', async () => {
    const fake = site(['gold', 'second-level']);
    await render(fake);
    await click(buttonNamed('Move Second-level team up'));
    await click(toggle('Use NetCo carrier in this project'));
    expect(names('used')).toEqual(['Second-level team', 'Gold support', 'NetCo carrier']);
    expect(status()).toBe('NetCo carrier turned on, at position 3 of 3.');
    await click(buttonNamed('Save'));
    await waitFor(() => {
      expect(container.textContent).toContain('Saved');
    });
    expect(fake.calls.find((c) => c.route === 'projects/save')?.payload).toEqual({
      projectKey: 'IT',
      agreementIds: ['second-level', 'gold', 'netco'],
      expected: ['gold', 'second-level'],
    });
    expect(fake.list()).toEqual(['second-level', 'gold', 'netco']);
    expect(container.textContent).toContain('Saved');
    expect(buttonNamed('Save').disabled).toBe(true);

    await click(buttonNamed('Re-measure this project’s issues'.replace('’', "'")));
    expect(fake.calls.find((c) => c.route === 'jobs/start')?.payload).toEqual({
      scope: { kind: 'project', projectKey: 'IT' },
      replaceCompleted: false,
    });
    // The job started: its progress asks again a second later, not before.
    await screen.findByText('Waiting to start…');
    const asked = () => fake.calls.filter((c) => c.route === 'jobs/status').length;
    await advance(999);
    expect(asked()).toBe(0);
    await advance(1);
    expect(asked()).toBe(1);
    expect(container.textContent).toContain('Re-measured 12 issues.');
    // A job that ended is not asked about again.
    await advance(60_000);
    expect(asked()).toBe(1);
  });

  it('shows a conflict when someone else saved meanwhile, and loads their list on request', async () => {
    const fake = site(['gold', 'second-level'], {
      save: (call) =>
        call.payload.expected.join() === 'gold,second-level'
          ? {
              ok: false,
              error: {
                code: 'conflict',
                reason: 'placement-conflict',
                params: { projectKey: 'IT' },
                message: 'Someone else changed the agreements of project IT while you were editing.',
              },
            }
          : undefined,
    });
    await render(fake);
    await click(toggle('Use Gold support in this project'));
    fake.setList(['netco']);
    await click(buttonNamed('Save'));
    await waitFor(() => {
      expect(container.textContent).toContain('Someone else changed this list');
    });
    expect(container.textContent).toContain('Someone else changed the agreements of project IT');
    // What the admin did is still on screen until they choose; saving it again would only be refused again.
    expect(names('used')).toEqual(['Second-level team']);
    expect(buttonNamed('Save').disabled).toBe(true);
    await click(buttonNamed('Load their list'));
    await waitFor(() => {
      expect(names('used')).toEqual(['NetCo carrier']);
    });
    expect(buttonNamed('Save').disabled).toBe(true);
  });

  it('says what a project with no list uses, and what turning the last agreement off means', async () => {
    await render(site([]));
    expect(container.textContent).toContain(
      'This project follows each agreement’s own scope'.replace('’', "'"),
    );
    expect(container.textContent).toContain(
      'Accord uses every agreement whose scope selects issues: Gold support and Second-level team.',
    );
    await click(toggle('Use Gold support in this project'));
    await click(toggle('Use Gold support in this project'));
    expect(buttonNamed('Save').disabled).toBe(true);
  });

  it('shows a load failure with the backend’s message, and a refusal without a pointless retry', async () => {
    const failing = fakeBackend(() => refused('project-admin-only', { projectKey: 'IT' }), {
      projectKey: 'IT',
    });
    await render(failing);
    expect(container.textContent).toContain('Accord could not load this project');
    expect(container.textContent).toContain(
      'Only administrators of project IT can change its service levels.',
    );
    expect(container.querySelectorAll('button')).toHaveLength(0);
  });

  it('previews the list on recent issues: per metric, per issue, and what each issue gains or loses', async () => {
    const fake = site(['gold', 'second-level']);
    await render(fake);
    await click(toggle('Use Second-level team in this project'));
    await click(buttonNamed('Preview'));
    const shown = await screen.findByText(/issues created in the last 30 days/);
    expect(fake.calls.find((c) => c.route === 'projects/preview')?.payload).toEqual({
      projectKey: 'IT',
      agreementIds: ['gold'],
      days: 30,
    });
    const result = clean(shown.closest('.accord-preview__result')?.textContent ?? '');
    expect(result).toContain('2 issues created in the last 30 days.');
    expect(result).toContain('Applies to 2 of 2');
    expect(result).toContain('Time to first response 1 met, 1 breached, 0 still open · 50% met');
    // Clocks that never started are not open work.
    expect(result).toContain(
      'Time to resolution 1 met, 0 breached, 1 still open, 3 never started · 100% met',
    );
    expect(result).toContain('1 issue would change which agreements measure it.');
    const rows = [...container.querySelectorAll('.accord-table tbody tr')].map((tr) =>
      [...tr.children].map((c) => clean(c.textContent)),
    );
    expect(rows).toEqual([
      [
        'IT-2Open',
        'Mon 2 Mar, 09:40',
        'Gold supportTime to first response BreachedTime to resolution Running',
        'Loses Second-level team',
      ],
      [
        'IT-1Resolved',
        'Mon 2 Mar, 09:00',
        'Gold supportTime to first response MetTime to resolution Met',
        'No change',
      ],
    ]);
    await click(toggle('Use Second-level team in this project'));
    expect(container.textContent).toContain('The list changed since this preview.');
  });

  it('speaks German', async () => {
    context = { locale: 'de-DE' };
    await render(site(['gold']));
    expect(container.querySelector('h1')?.textContent).toBe('Service-Level-Vereinbarungen');
    expect(names('used')).toEqual(['Gold support']);
    await click(buttonNamed('Preview'.replace('Preview', 'Vorschau')));
    await waitFor(() => {
      expect(clean(container.querySelector('.accord-preview__result')?.textContent ?? '')).toContain(
        '1 erfüllt, 1 verletzt, 0 noch offen · 50 % erfüllt',
      );
    });
    expect(toggle('NetCo carrier in diesem Projekt verwenden').checked).toBe(false);
  });
});

const preview: ProjectPreview = {
  projectKey: 'IT',
  days: 30,
  issues: 2,
  agreements: [
    {
      id: 'gold',
      name: 'Gold support',
      kind: 'SLA',
      issues: 2,
      metrics: [
        {
          id: 'first-response',
          name: 'Time to first response',
          counts: { met: 1, breached: 1, running: 0, paused: 0, 'not-started': 0 },
        },
        {
          id: 'resolution',
          name: 'Time to resolution',
          counts: { met: 1, breached: 0, running: 1, paused: 0, 'not-started': 3 },
        },
      ],
    },
  ],
  rows: [
    {
      issueId: '10002',
      issueKey: 'IT-2',
      created: Date.parse('2026-03-02T08:40:00Z'),
      resolved: false,
      outcomes: [
        { agreementId: 'gold', metricId: 'first-response', outcome: 'breached' },
        { agreementId: 'gold', metricId: 'resolution', outcome: 'running' },
      ],
      before: ['gold', 'second-level'],
    },
    {
      issueId: '10001',
      issueKey: 'IT-1',
      created: Date.parse('2026-03-02T08:00:00Z'),
      resolved: true,
      outcomes: [
        { agreementId: 'gold', metricId: 'first-response', outcome: 'met' },
        { agreementId: 'gold', metricId: 'resolution', outcome: 'met' },
      ],
      before: ['gold'],
    },
  ],
};
