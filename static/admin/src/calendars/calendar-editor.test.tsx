/**
 * @jest-environment jsdom
 */
import type { Calendar } from '../../../../src/engine/calendar/types';
import { screen, within } from '@testing-library/react';
import { type AnyReply, type Call, fakeBackend, refused } from '../../../shared/testing/fake-backend';
import { answerDialog, dialogGone, findDialog } from '../../../shared/testing/ui';
import { button, clean, field, type, found, type Mounted, mount } from '../testing/render';
import { validateCalendar } from '../../../../src/engine/calendar/validate';
import { CalendarEditor } from './calendar-editor';

const hours = () => [{ from: '09:00', to: '17:00' }];
const berlin = (name: string, holidays: Calendar['holidays'] = []): Calendar => ({
  id: 'berlin',
  name,
  timeZone: 'Europe/Berlin',
  week: { mon: hours(), tue: hours(), wed: hours(), thu: hours(), fri: hours() },
  ...(holidays.length > 0 ? { holidays } : {}),
});
const VERSIONS = [
  { id: 'berlin', version: 1, body: berlin('Berlin office'), savedAt: 0, savedBy: 'chris-admin' },
  {
    id: 'berlin',
    version: 2,
    body: berlin('Berlin office hours', [{ date: '2026-12-24', name: 'Christmas Eve' }]),
    savedAt: Date.parse('2026-03-01T09:00:00Z'),
    savedBy: 'dana-admin',
  },
];
const ok = <T,>(data: T) => ({ ok: true as const, data });

/** The calendar routes over `versions` (the last one current); every call is kept in `calls`. */
function site(versions: typeof VERSIONS = VERSIONS, saveReply?: AnyReply) {
  return fakeBackend((call: Call): AnyReply => {
    switch (call.route) {
      case 'calendars/get':
        return ok(versions[versions.length - 1]!);
      case 'calendars/history':
        return ok(versions);
      case 'calendars/save':
        if (saveReply) return saveReply;
        return ok({
          ...versions[versions.length - 1]!,
          version: versions.length + 1,
          body: call.payload.calendar as Calendar,
        });
      case 'calendars/region-holidays':
        return ok({
          region: call.payload.region,
          fromYear: call.payload.fromYear,
          toYear: call.payload.toYear,
          holidays: [],
        });
      default:
        return refused('route-unknown', { route: call.route });
    }
  });
}

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

async function open(fake: ReturnType<typeof site>, closed: boolean[], locale?: string) {
  mounted = await mount(
    <CalendarEditor
      id="berlin"
      takenIds={new Set(['berlin'])}
      usedBy={[]}
      onClose={(changed) => closed.push(changed)}
    />,
    { backend: fake.backend, ...(locale === undefined ? {} : { locale }) },
  );
  return found(() => mounted.container.querySelector('input'), 'the editor');
}

describe('the calendar editor', () => {
  it('closes at once when nothing changed', async () => {
    const closed: boolean[] = [];
    await open(site(), closed);
    await mounted.user.click(button(mounted.container, 'Close'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(closed).toEqual([false]);
  });

  it('asks before it drops unsaved changes, and keeps them when the admin says no', async () => {
    const closed: boolean[] = [];
    const fake = site();
    const name = await open(fake, closed);
    await type(mounted.user, name, 'Berlin, renamed');
    await mounted.user.click(button(mounted.container, 'Cancel'));
    expect(clean((await findDialog()).textContent)).toContain('Discard your changes?');
    expect(closed).toEqual([]);

    await answerDialog(mounted.user, 'Cancel');
    await dialogGone();
    expect(field(mounted.container, 'Name').value).toBe('Berlin, renamed');
    expect(closed).toEqual([]);

    await mounted.user.click(button(mounted.container, 'Cancel'));
    await answerDialog(mounted.user, 'Discard changes');
    expect(closed).toEqual([false]);
    expect(fake.calls.filter((c) => c.route === 'calendars/save')).toEqual([]);
  });

  it('asks in German, with a close button in German (not Atlaskit’s “Close Modal”)', async () => {
    const name = await open(site(), [], 'de-DE');
    await type(mounted.user, name, 'Berlin, umbenannt');
    await mounted.user.click(button(mounted.container, 'Abbrechen'));
    const dialog = await findDialog();
    expect(within(dialog).getByRole('button', { name: 'Schließen' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /Close/ })).toBeNull();
  });

  it('shows the versions and what changed, in words, and restores an old one after asking', async () => {
    const closed: boolean[] = [];
    const fake = site();
    await open(fake, closed);
    await mounted.user.click(button(mounted.container, 'Version history'));
    await found(() => mounted.container.querySelector('.accord-history li'), 'the versions');
    expect(
      [...mounted.container.querySelectorAll('.accord-history__version')].map((v) => clean(v.textContent)),
    ).toEqual(['Version 2 Current', 'Version 1']);

    await mounted.user.click(button(mounted.container, 'What changed'));
    const rows = [...mounted.container.querySelectorAll('.accord-diff tbody tr')].map((tr) =>
      clean(tr.querySelector('th')?.textContent),
    );
    expect(rows).toEqual([expect.stringMatching(/^Name/), 'Added holiday 1 “Christmas Eve”']);

    await mounted.user.click(button(mounted.container, 'Restore Version 1'));
    expect(clean((await findDialog()).textContent)).toContain('Version 1 is saved again as version 3');
    await answerDialog(mounted.user, 'Restore');
    expect(fake.calls.filter((c) => c.route === 'calendars/save').map((c) => c.payload)).toEqual([
      { calendar: VERSIONS[0]!.body, expectedVersion: 2 },
    ]);
    expect(mounted.announced).toContain('Version 1 restored as version 3.');
    // Back to the list, which offers to recalculate what uses the calendar.
    expect(closed).toEqual([true]);
  });
});

describe('the calendar’s changes, with dates as the Jira locale writes them', () => {
  // Version 2 moves Christmas Eve to the 23rd and adds New Year's Eve as a short day.
  const v1 = berlin('Berlin office', [{ date: '2026-12-24', name: 'Christmas Eve' }]);
  const v2 = {
    ...berlin('Berlin office', [{ date: '2026-12-23', name: 'Christmas Eve' }]),
    exceptions: [{ date: '2026-12-31', hours: [{ from: '09:00', to: '12:00' }] }],
  };
  const versions = [
    { id: 'berlin', version: 1, body: v1, savedAt: 0, savedBy: 'chris-admin' },
    {
      id: 'berlin',
      version: 2,
      body: v2,
      savedAt: Date.parse('2026-03-01T09:00:00Z'),
      savedBy: 'dana-admin',
    },
  ];

  it.each([
    ['en-US', 'Version history', 'What changed', ['12/24/2026', '12/23/2026'], 'Date: 12/31/2026'],
    ['de-DE', 'Versionsverlauf', 'Was sich geändert hat', ['24.12.2026', '23.12.2026'], 'Datum: 31.12.2026'],
    ['da-DK', 'Versionshistorik', 'Hvad der blev ændret', ['24.12.2026', '23.12.2026'], 'Dato: 31.12.2026'],
  ])('%s', async (locale, history, changes, moved, added) => {
    await open(site(versions), [], locale);
    await mounted.user.click(button(mounted.container, history));
    await found(() => mounted.container.querySelector('.accord-history li'), 'the versions');
    await mounted.user.click(button(mounted.container, changes));
    const rows = [...mounted.container.querySelectorAll('.accord-diff tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => clean(c.textContent)),
    );
    expect(rows.map((r) => r.slice(1))).toEqual([moved, ['—', expect.stringContaining(added)]]);
    expect(JSON.stringify(rows)).not.toContain('2026-12');
  });
});

describe('a refused save’s problems at their fields', () => {
  it('are in the user’s language under the field, as in the summary (German)', async () => {
    // The backend refuses a holiday with a field it does not know, with the problem's detail to word it by.
    const checked = validateCalendar(
      { ...VERSIONS[1]!.body, holidays: [{ date: '2026-12-24', name: 'Christmas Eve', colour: 'red' }] },
      '$.calendar',
    );
    if (checked.ok) throw new Error('the calendar should be refused');
    const fake = site(VERSIONS, refused('calendar-invalid', {}, 'Invalid calendar.', checked.problems));
    const name = await open(fake, [], 'de-DE');
    await type(mounted.user, name, 'Berlin, umbenannt');
    await mounted.user.click(
      mounted.container.querySelector<HTMLElement>('.accord-save-bar')!.querySelector('button')!,
    );
    const fieldErrors = await found(
      () => mounted.container.querySelector('.accord-rows .accord-field__errors'),
      'the holiday’s problem',
    );
    expect(clean(fieldErrors.textContent)).toBe('Unbekanntes Feld: colour.');
    expect(clean(mounted.container.querySelector('.accord-error-summary')?.textContent)).toContain(
      'Unbekanntes Feld: colour.',
    );
  });
});
