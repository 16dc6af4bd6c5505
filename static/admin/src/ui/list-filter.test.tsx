/**
 * @jest-environment jsdom
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agreement } from '../../../../src/engine/agreement/types';
import type { Calendar } from '../../../../src/engine/calendar/types';
import { type AnyReply, fakeBackend, refused } from '../../../shared/testing/fake-backend';
import AgreementsTab from '../agreements/agreements-tab';
import CalendarsTab from '../calendars/calendars-tab';
import { button, clean, mount, type, found, type Mounted } from '../testing/render';
import { matchesQuery } from './list-filter';

const examples = join(__dirname, '../../../../examples');
const read = (file: string): unknown => JSON.parse(readFileSync(join(examples, file), 'utf8'));
const AGREEMENTS = read('agreements.json') as Agreement[];
const CALENDARS = read('calendars.json') as Calendar[];
const version = <T,>(body: T & { id: string }) => ({
  id: body.id,
  version: 1,
  body,
  savedAt: 0,
  savedBy: 'x',
});
const ok = <T,>(data: T) => ({ ok: true as const, data });

const site = () =>
  fakeBackend((call): AnyReply => {
    switch (call.route) {
      case 'agreements/list':
        return ok(AGREEMENTS.map(version));
      case 'agreements/placements':
        return ok({ projects: [{ projectKey: 'IT', agreementIds: ['gold'] }] });
      case 'calendars/list':
        return ok(CALENDARS.map(version));
      default:
        return refused('route-unknown', { route: call.route });
    }
  });

describe('matchesQuery', () => {
  it('finds every word in any of the texts, ignoring case and accents; an empty query matches', () => {
    expect(matchesQuery('', ['anything'])).toBe(true);
    expect(matchesQuery('  ', [])).toBe(true);
    expect(matchesQuery('gold acme', ['Gold support', 'Acme Corp'])).toBe(true);
    expect(matchesQuery('GOLD', ['gold support'])).toBe(true);
    expect(matchesQuery('zurich', ['Zürich office'])).toBe(true);
    expect(matchesQuery('gold netco', ['Gold support', 'Acme Corp'])).toBe(false);
    expect(matchesQuery('x', [undefined])).toBe(false);
  });
});

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

const names = (container: HTMLElement, selector: string): string[] =>
  [...container.querySelectorAll(selector)].map((b) => clean(b.textContent));
const search = (container: HTMLElement): HTMLInputElement =>
  container.querySelector<HTMLInputElement>('[role="search"] input')!;
const count = (container: HTMLElement): string =>
  clean(container.querySelector('.accord-list-filter__count')?.textContent);

describe('the agreement list', () => {
  it('narrows by what is typed (name, counterparty, project) and by kind, says how many, and clears', async () => {
    const m = await mount(<AgreementsTab />, { backend: site().backend });
    mounted = m;
    await found(() => search(m.container), 'the list');
    const rows = () => names(m.container, 'tbody button.accord-link');
    expect(rows()).toHaveLength(AGREEMENTS.length);
    expect(count(m.container)).toBe(`All ${AGREEMENTS.length} shown`);

    await type(m.user, search(m.container), 'netco');
    await found(() => (rows().length === 1 ? true : null), 'one row');
    expect(rows()).toEqual([AGREEMENTS.find((a) => a.id === 'netco-uc')!.name]);
    expect(count(m.container)).toBe(`1 of ${AGREEMENTS.length} shown`);

    await type(m.user, search(m.container), 'it'); // the project key: only gold is placed in IT
    await found(() => (rows().length === 1 ? true : null), 'gold');
    expect(rows()).toEqual([AGREEMENTS.find((a) => a.id === 'gold')!.name]);

    await type(m.user, search(m.container), '');
    await m.user.click(button(m.container, 'OLA'));
    expect(rows()).toEqual(AGREEMENTS.filter((a) => a.kind === 'OLA').map((a) => a.name));

    await type(m.user, search(m.container), 'nothing like this');
    await found(() => m.container.querySelector('.accord-list-filter__none'), 'no match');
    expect(clean(m.container.querySelector('.accord-list-filter__none p')?.textContent)).toBe(
      'Nothing matches “nothing like this”.',
    );
    await m.user.click(button(m.container, 'Show all'));
    expect(rows()).toHaveLength(AGREEMENTS.length);
  });
});

describe('the calendar list', () => {
  it('narrows by name, id or zone', async () => {
    const m = await mount(<CalendarsTab />, { backend: site().backend });
    mounted = m;
    await found(() => search(m.container), 'the list');
    const rows = () => names(m.container, 'tbody button.accord-link');
    expect(rows()).toHaveLength(CALENDARS.length);
    await type(m.user, search(m.container), 'berlin');
    await found(() => (rows().length === 1 ? true : null), 'one row');
    expect(rows()).toEqual([CALENDARS.find((c) => c.id === 'berlin-9-17')!.name]);
  });
});
