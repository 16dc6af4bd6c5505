/**
 * @jest-environment jsdom
 */
import type { Agreement } from '../../../../src/engine/agreement/types';
import { findDialog } from '../../../shared/testing/ui';
import { type AnyReply, fakeBackend, refused } from '../../../shared/testing/fake-backend';
import { button, clean, mount, found, type Mounted } from '../testing/render';
import { HistoryPanel } from './history-panel';

const body = (name: string, target: number): Agreement => ({
  id: 'gold',
  name,
  kind: 'SLA',
  metrics: [
    {
      id: 'ttr',
      name: 'Time to resolution',
      start: [{ event: 'created' }],
      stop: [{ event: 'resolution', change: 'set' }],
      goals: [{ targetMinutes: target, calendar: 'berlin' }],
    },
  ],
});
// The id as a constant: the design-system lint reads the literal "gold" in JSX as a colour.
const ID = 'gold';
const VERSIONS = [
  {
    id: 'gold',
    version: 1,
    body: body('Gold', 480),
    savedAt: Date.parse('2026-01-05T09:00:00Z'),
    savedBy: 'chris-admin',
  },
  {
    id: 'gold',
    version: 2,
    body: body('Gold support', 480),
    savedAt: Date.parse('2026-02-01T09:00:00Z'),
    savedBy: 'chris-admin',
  },
  {
    id: 'gold',
    version: 3,
    body: body('Gold support', 240),
    savedAt: Date.parse('2026-03-01T09:00:00Z'),
    savedBy: 'dana-admin',
  },
];

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

describe('the version history', () => {
  it('lists the versions newest first, with what changed and the difference to the current one', async () => {
    mounted = await mount(<HistoryPanel id={ID} currentVersion={3} onRestored={() => undefined} />, {
      backend: fakeBackend({ 'agreements/history': () => ({ ok: true, data: VERSIONS }) }).backend,
    });
    await found(() => mounted.container.querySelector('li'), 'the versions');
    const items = [...mounted.container.querySelectorAll('.accord-history__version')].map((v) =>
      clean(v.textContent),
    );
    expect(items).toEqual(['Version 3 Current', 'Version 2', 'Version 1']);
    expect(clean(mounted.container.querySelector('li')?.textContent)).toContain('by dana-admin');

    const changes = [...mounted.container.querySelectorAll('button')].filter(
      (b) => clean(b.textContent) === 'What changed',
    );
    await mounted.user.click(changes[0]!);
    expect(changes[0]!.getAttribute('aria-expanded')).toBe('true');
    const rows = () =>
      [...mounted.container.querySelectorAll<HTMLTableRowElement>('.accord-diff tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((c) => clean(c.textContent)),
      );
    // In words: the target as a duration, the field by its label, no JSON and no path.
    expect(rows()).toEqual([['8h', '4h']]);
    expect(clean(mounted.container.querySelector('.accord-diff tbody th')?.textContent)).toBe(
      'Metric 1 › Goal 1 › Target',
    );

    const compare = [...mounted.container.querySelectorAll('button')].filter(
      (b) => clean(b.textContent) === 'Compare with current',
    );
    await mounted.user.click(compare[1]!);
    expect(clean(mounted.container.querySelector('.accord-diff p')?.textContent)).toBe(
      'Version 1 against the current version 3:',
    );
    // What changed since version 1, up to the current one.
    expect(rows()).toEqual([
      ['Gold', 'Gold support'],
      ['8h', '4h'],
    ]);
  });

  it('restores an old version by saving it as the newest, after asking', async () => {
    const saves: unknown[] = [];
    const restored: number[] = [];
    const fake = fakeBackend((call): AnyReply => {
      if (call.route === 'agreements/history') return { ok: true, data: VERSIONS };
      if (call.route === 'people/names') return refused('internal-error', { detail: 'no names' });
      saves.push(call.payload);
      return {
        ok: true,
        data: { ...VERSIONS[0]!, version: 4, siteCheck: { status: 'checked', warnings: [] } },
      };
    });
    mounted = await mount(
      <HistoryPanel id={ID} currentVersion={3} onRestored={(v) => restored.push(v.version)} />,
      { backend: fake.backend },
    );
    await found(() => button(mounted.container, 'Restore Version 1'), 'the versions');
    await mounted.user.click(button(mounted.container, 'Restore Version 1'));
    const dialog = await findDialog();
    expect(clean(dialog.textContent)).toContain(
      'Version 1 is saved again as version 4; the versions in between stay in the history.',
    );
    expect(saves).toEqual([]);
    await mounted.user.click(button(document.body, 'Restore'));
    expect(saves).toEqual([{ agreement: VERSIONS[0]!.body, expectedVersion: 3 }]);
    expect(restored).toEqual([4]);
    expect(mounted.announced).toEqual(['Version 1 restored as version 4.']);
  });
});
