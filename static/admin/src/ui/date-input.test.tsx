/**
 * @jest-environment jsdom
 */
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { DateCell } from '../calendars/date-cell';
import { mount, type Mounted } from '../testing/render';

/** A date cell over a stored date, as the holiday and exception editors hold it; `stored` is what it keeps. */
function Harness(props: { readonly initial: string; readonly stored: string[] }) {
  const [date, setDate] = useState(props.initial);
  return (
    <DateCell
      id="day"
      label="Date"
      value={date}
      errorId={undefined}
      onChange={(next) => {
        props.stored.push(next);
        setDate(next);
      }}
    />
  );
}

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

async function dateIn(locale: string, initial = '2026-03-02') {
  const stored: string[] = [];
  mounted = await mount(<Harness initial={initial} stored={stored} />, { locale });
  return { input: screen.getByLabelText<HTMLInputElement>('Date'), stored };
}

/** Types `text` into the emptied input, key by key, as a person would. */
async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  await mounted.user.clear(input);
  await mounted.user.type(input, text);
}

describe('a date input in the Jira locale, whatever the browser speaks', () => {
  it('shows and reads American dates month first (en-US)', async () => {
    const { input, stored } = await dateIn('en-US');
    expect(input.value).toBe('03/02/2026');
    await typeInto(input, '12/24/2026');
    expect(stored.at(-1)).toBe('2026-12-24');
  });

  it('shows and reads German dates day first with dots (de-DE)', async () => {
    const { input, stored } = await dateIn('de-DE');
    expect(input.value).toBe('02.03.2026');
    await typeInto(input, '24.12.2026');
    expect(stored.at(-1)).toBe('2026-12-24');
  });

  it('shows and reads Danish dates day first with dots (da-DK)', async () => {
    const { input, stored } = await dateIn('da-DK');
    expect(input.value).toBe('02.03.2026');
    await typeInto(input, '5.6.2026');
    expect(stored.at(-1)).toBe('2026-06-05');
    // Leaving the field writes the date out in full.
    await mounted.user.tab();
    expect(input.value).toBe('05.06.2026');
  });

  it('takes ISO in any locale, and keeps the text while it is no date yet', async () => {
    const { input, stored } = await dateIn('de-DE');
    await typeInto(input, '2026-12-24');
    expect(stored.at(-1)).toBe('2026-12-24');
    // The same keys mean 2 December in the US and 12 February in Germany; 31.02. is no day at all.
    await typeInto(input, '31.02.2026');
    expect(stored.at(-1)).toBe('31.02.2026');
    expect(input.value).toBe('31.02.2026');
    await mounted.user.clear(input);
    expect(stored.at(-1)).toBe('');
  });

  it('shows a date changed elsewhere (a restore) in the locale', async () => {
    const stored: string[] = [];
    mounted = await mount(<Harness initial="2026-03-02" stored={stored} />, { locale: 'da-DK' });
    mounted.rerender(<Harness key="restored" initial="2026-12-24" stored={stored} />);
    expect(screen.getByLabelText<HTMLInputElement>('Date').value).toBe('24.12.2026');
  });
});
