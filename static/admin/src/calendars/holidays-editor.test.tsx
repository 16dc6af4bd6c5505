/**
 * @jest-environment jsdom
 */
import { useState } from 'react';
import type { Holiday } from '../../../../src/engine/calendar/types';
import { findDialog } from '../../../shared/testing/ui';
import type { LocalDate } from '../../../../src/engine/time/units';
import { fakeBackend, refused } from '../../../shared/testing/fake-backend';
import { NO_PROBLEMS } from '../problems';
import { button, clean, mount, type Mounted } from '../testing/render';
import { HolidaysEditor } from './holidays-editor';

/** A date as the backend's replies type it. */
const day = (date: string): LocalDate => date as LocalDate;

const seen = { holidays: [] as Holiday[] };

function Harness(props: { readonly initial: Holiday[] }) {
  const [holidays, setHolidays] = useState(props.initial);
  return (
    <HolidaysEditor
      holidays={holidays}
      problems={NO_PROBLEMS}
      today="2026-03-02"
      onChange={(h) => {
        seen.holidays = h;
        setHolidays(h);
      }}
    />
  );
}

let mounted: Mounted;
beforeEach(() => {
  seen.holidays = [];
});
afterEach(() => {
  mounted.unmount();
});

/** Chooses a file in the hidden file input, as a person would in the browser's file dialog. */
async function chooseFile(name: string, text: string): Promise<void> {
  const input = mounted.container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await mounted.user.upload(input, new File([text], name, { type: 'text/calendar' }));
}

describe('importing holidays from an ICS file', () => {
  it('previews what will be added, what is there already and what is skipped, and adds only on confirmation', async () => {
    const fake = fakeBackend((call) =>
      call.route === 'calendars/preview-ics'
        ? {
            ok: true,
            data: {
              holidays: [
                { date: day('2026-12-25'), name: 'Christmas Day', annual: true },
                { date: day('2026-04-03'), name: 'Good Friday' },
                { date: day('2026-01-01'), name: 'New Year', annual: true },
              ],
              skipped: [{ name: 'Daylight Saving Time starts', reason: 'a DST marker, not a day off' }],
            },
          }
        : refused('route-unknown', { route: call.route }),
    );
    mounted = await mount(<Harness initial={[{ date: '2025-01-01', name: 'New Year', annual: true }]} />, {
      backend: fake.backend,
    });
    await chooseFile('holidays.ics', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const dialog = await findDialog();
    expect(fake.calls).toEqual([
      { route: 'calendars/preview-ics', payload: { text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' } },
    ]);
    expect(clean(dialog.querySelector('h1')?.textContent)).toBe('Holidays in holidays.ics');
    // New Year repeats every year and the calendar has it: only two are new.
    expect(clean(dialog.textContent)).toContain('2 holidays will be added: 1 is already in the calendar.');
    expect(
      [...dialog.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((tr) =>
        [...tr.cells].map((td) => clean(td.textContent)),
      ),
    ).toEqual([
      ['25 Dec', 'Christmas Day', 'Yes'],
      ['Fri, 3 Apr 2026', 'Good Friday', 'No'],
    ]);
    expect(clean(dialog.textContent)).toContain('Daylight Saving Time starts: a DST marker, not a day off');
    expect(seen.holidays).toEqual([]);

    await mounted.user.click(button(document.body, 'Add 2 holidays'));
    expect(seen.holidays).toEqual([
      { date: day('2025-01-01'), name: 'New Year', annual: true },
      { date: day('2026-12-25'), name: 'Christmas Day', annual: true },
      { date: day('2026-04-03'), name: 'Good Friday' },
    ]);
    expect(mounted.announced).toEqual(['2 holidays added. Save the calendar to keep them.']);
  });

  it('shows why a file was refused, and adds nothing', async () => {
    const fake = fakeBackend(() => refused('ics-unreadable', {}));
    mounted = await mount(<Harness initial={[]} />, { backend: fake.backend });
    await chooseFile('notes.txt', 'hello');
    const dialog = await findDialog();
    const alert = clean(dialog.querySelector('[role="alert"]')?.textContent);
    expect(alert).toContain('The file could not be read as a calendar (ICS).');
    expect(alert).toContain('Check that it is an iCalendar file (.ics)');
    expect([...dialog.querySelectorAll('button')].some((b) => clean(b.textContent).startsWith('Add'))).toBe(
      false,
    );
    await mounted.user.click(button(document.body, 'Cancel'));
    expect(seen.holidays).toEqual([]);
  });
});
