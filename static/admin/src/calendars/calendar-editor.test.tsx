/**
 * @jest-environment jsdom
 */
import type { Calendar } from '../../../../src/engine/calendar/types';
import { screen } from '@testing-library/react';
import { type AnyReply, type Call, fakeBackend, refused } from '../../../shared/testing/fake-backend';
import { answerDialog, dialogGone, findDialog } from '../../../shared/testing/ui';
import { button, clean, field, type, found, type Mounted, mount } from '../testing/render';
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

/** The calendar routes over {@link VERSIONS}; every call is kept in `calls`. */
function site() {
  return fakeBackend((call: Call): AnyReply => {
    switch (call.route) {
      case 'calendars/get':
        return ok(VERSIONS[1]!);
      case 'calendars/history':
        return ok(VERSIONS);
      case 'calendars/save':
        return ok({ ...VERSIONS[1]!, version: 3, body: call.payload.calendar as Calendar });
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

async function open(fake: ReturnType<typeof site>, closed: boolean[]) {
  mounted = await mount(
    <CalendarEditor
      id="berlin"
      takenIds={new Set(['berlin'])}
      usedBy={[]}
      onClose={(changed) => closed.push(changed)}
    />,
    { backend: fake.backend },
  );
  return found(() => field(mounted.container, 'Name'), 'the editor');
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
