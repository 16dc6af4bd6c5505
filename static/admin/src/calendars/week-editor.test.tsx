/**
 * @jest-environment jsdom
 */
import { useState } from 'react';
import type { Calendar } from '../../../../src/engine/calendar/types';
import { NO_PROBLEMS, type FieldProblems } from '../problems';
import { button, clean, description, field, leave, mount, type, type Mounted } from '../testing/render';
import { WeekEditor } from './week-editor';

const office = () => [{ from: '09:00', to: '17:00' }];
/** The week as the editor last handed it over. */
const seen = { latest: {} as Calendar['week'] };

function Harness(props: { readonly initial: Calendar['week']; readonly problems?: FieldProblems }) {
  const [week, setWeek] = useState(props.initial);
  return (
    <WeekEditor
      week={week}
      problems={props.problems ?? NO_PROBLEMS}
      onChange={(w) => {
        seen.latest = w;
        setWeek(w);
      }}
    />
  );
}

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

const row = (day: string): HTMLTableRowElement => {
  const found = [...mounted.container.querySelectorAll('tbody tr')].find(
    (tr) => clean(tr.querySelector('th')?.textContent) === day,
  );
  if (!found) throw new Error(`no row ${day}`);
  return found as HTMLTableRowElement;
};
const errorsOf = (day: string): string[] =>
  [...row(day).querySelectorAll('.accord-field__errors li')].map((li) => clean(li.textContent));
const weekTotal = (): string =>
  clean(mounted.container.querySelector('tfoot .accord-week__total')?.textContent);
const total = (day: string): string => clean(row(day).querySelector('.accord-week__total')?.textContent);

describe('the weekly-hours editor', () => {
  it('shows each day’s spans and totals, and closed days', async () => {
    mounted = await mount(
      <Harness
        initial={{
          mon: [
            { from: '08:00', to: '12:00' },
            { from: '13:00', to: '17:30' },
          ],
          tue: office(),
        }}
      />,
    );
    expect(total('Monday')).toBe('8h 30m');
    expect(total('Tuesday')).toBe('8h');
    expect(clean(row('Saturday').textContent)).toContain('Closed');
    expect(weekTotal()).toBe('16h 30m');
    // Every field says which day and span it is, for a screen reader.
    expect(field(mounted.container, 'Monday, hours 2, from').value).toBe('13:00');
  });

  it('reads a typed time as HH:mm, and explains a bad one under the field', async () => {
    mounted = await mount(<Harness initial={{ mon: office() }} />);
    const from = field(mounted.container, 'Monday, hours 1, from');
    await type(mounted.user, from, '8');
    await leave(mounted.user);
    expect(from.value).toBe('08:00');
    expect(seen.latest.mon).toEqual([{ from: '08:00', to: '17:00' }]);

    const to = field(mounted.container, 'Monday, hours 1, until');
    await type(mounted.user, to, '25:00');
    expect(errorsOf('Monday')).toEqual([
      '“25:00” is not a time of day: write it as HH:mm, for example 17:00, or 24:00 for the end of the day.',
    ]);
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(from.getAttribute('aria-invalid')).not.toBe('true');
    expect(description(to)).toContain('“25:00” is not a time of day');

    await type(mounted.user, to, '24:00');
    expect(errorsOf('Monday')).toEqual([]);
    expect(total('Monday')).toBe('16h');
  });

  it('refuses hours that end before they begin', async () => {
    mounted = await mount(<Harness initial={{ tue: office() }} />);
    await type(mounted.user, field(mounted.container, 'Tuesday, hours 1, until'), '08:00');
    expect(errorsOf('Tuesday')).toEqual([
      'These hours end before they begin: 09:00 must be earlier than 08:00.',
    ]);
    expect(total('Tuesday')).toBe('—');
  });

  it('adds a second span after the first, and names the span an overlap is with', async () => {
    mounted = await mount(<Harness initial={{ wed: [{ from: '09:00', to: '12:00' }] }} />);
    await mounted.user.click(button(mounted.container, 'Add hours Wednesday'));
    expect(seen.latest.wed).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ]);
    await type(mounted.user, field(mounted.container, 'Wednesday, hours 2, from'), '11:30');
    expect(errorsOf('Wednesday')).toEqual([
      'These hours overlap 09:00–12:00: let one end before the other begins.',
    ]);
    await type(mounted.user, field(mounted.container, 'Wednesday, hours 2, from'), '12:00');
    // Spans are half-open: 09:00–12:00 and 12:00–17:00 touch, they do not overlap.
    expect(errorsOf('Wednesday')).toEqual([]);
    expect(total('Wednesday')).toBe('8h');
  });

  it('removes a span, closing the day, and fills the week from a preset or from Monday', async () => {
    mounted = await mount(<Harness initial={{ mon: [{ from: '07:00', to: '15:00' }], thu: office() }} />);
    await mounted.user.click(button(mounted.container, 'Remove Thursday 09:00–17:00'));
    expect(seen.latest.thu).toBeUndefined();
    expect(clean(row('Thursday').textContent)).toContain('Closed');

    await mounted.user.click(button(mounted.container, 'Copy Monday to Tue–Fri'));
    expect(seen.latest).toEqual({
      mon: [{ from: '07:00', to: '15:00' }],
      tue: [{ from: '07:00', to: '15:00' }],
      wed: [{ from: '07:00', to: '15:00' }],
      thu: [{ from: '07:00', to: '15:00' }],
      fri: [{ from: '07:00', to: '15:00' }],
    });
    await mounted.user.click(button(mounted.container, 'Around the clock (24/7)'));
    expect(Object.values(seen.latest)).toEqual(
      Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }]),
    );
    expect(weekTotal()).toBe('168h');
  });

  it('shows the backend’s problem at its span while the browser finds none', async () => {
    const problems: FieldProblems = {
      all: [],
      at: (path) =>
        path === '$.week.fri[0].to'
          ? [{ code: 'calendar.time.invalid', message: 'refused by the backend', path }]
          : [],
    };
    mounted = await mount(<Harness initial={{ fri: office() }} problems={problems} />);
    expect(errorsOf('Friday')).toEqual(['refused by the backend']);
  });

  it('speaks German', async () => {
    mounted = await mount(<Harness initial={{ mon: [{ from: '17:00', to: '09:00' }] }} />, {
      locale: 'de-DE',
    });
    expect(clean(row('Montag').querySelector('th')?.textContent)).toBe('Montag');
    expect(errorsOf('Montag')[0]).toContain('17:00');
  });
});
