/**
 * @jest-environment jsdom
 */
import type { Agreement } from '../../../../src/engine/agreement/types';
import { type AnyReply, type Call, fakeBackend, refused } from '../../../shared/testing/fake-backend';
import AuditTab from '../audit/audit-tab';
import { HistoryPanel } from '../agreements/history-panel';
import { PersonName } from './people';
import { advance } from '../../../shared/testing/ui';
import { clean, mount, found, type Mounted } from '../testing/render';

const NAMES: Readonly<Record<string, string>> = { 'chris-admin': 'Chris Admin', 'dana-admin': 'Dana Admin' };

/** `people/names` as the backend answers it: the names it knows, `known: false` for the rest. */
function people(call: Call): AnyReply {
  if (call.route !== 'people/names') return refused('route-unknown', { route: call.route });
  const ids = call.payload.accountIds;
  return {
    ok: true,
    data: {
      people: ids.map((accountId) => {
        const displayName = NAMES[accountId];
        return displayName === undefined
          ? { accountId, known: false }
          : { accountId, known: true, displayName, active: true };
      }),
    },
  };
}

// The id as a constant: the design-system lint reads the literal "gold" in JSX as a colour.
const ID = 'gold';
const agreement: Agreement = { id: 'gold', name: 'Gold', kind: 'SLA', metrics: [] };
const version = (n: number, savedBy: string) => ({
  id: 'gold',
  version: n,
  body: { ...agreement, name: `Gold ${n}` },
  savedAt: Date.parse('2026-03-01T09:00:00Z') + n,
  savedBy,
});
const entry = (actor: string, at: number) => ({
  at: Date.parse('2026-03-01T09:00:00Z') + at,
  actor,
  action: 'agreement.save',
  entity: 'agreement',
  entityId: 'gold',
  version: at,
  changes: [],
});

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

describe('people by name', () => {
  it('names who saved each version, asking for every one of them in one call', async () => {
    const fake = fakeBackend((call) =>
      call.route === 'people/names'
        ? people(call)
        : {
            ok: true,
            data: [version(1, 'chris-admin'), version(2, 'dana-admin'), version(3, 'chris-admin')],
          },
    );
    mounted = await mount(<HistoryPanel id={ID} currentVersion={3} onRestored={() => undefined} />, {
      backend: fake.backend,
    });
    const lines = () =>
      [...mounted.container.querySelectorAll('.accord-history__row')].map((row) => clean(row.textContent));
    await found(() => lines().find((l) => l.includes('Dana Admin')), 'the names');
    expect(lines().map((l) => /by (.*?)(What|Compare|Restore|$)/.exec(l)?.[1]?.trim())).toEqual([
      'Chris Admin',
      'Dana Admin',
      'Chris Admin',
    ]);
    const asked = fake.calls.filter((c) => c.route === 'people/names');
    expect(asked.map((c) => [...c.payload.accountIds].sort())).toEqual([['chris-admin', 'dana-admin']]);
  });

  it('shows the audit log’s people by name, a deleted account by its id with a hint', async () => {
    const fake = fakeBackend((call) =>
      call.route === 'people/names'
        ? people(call)
        : { ok: true, data: [entry('dana-admin', 3), entry('gone-user', 2), entry('chris-admin', 1)] },
    );
    mounted = await mount(<AuditTab />, { backend: fake.backend });
    const who = () =>
      [...mounted.container.querySelectorAll('tbody tr')].map((tr) =>
        clean(tr.querySelectorAll('td')[1]?.textContent),
      );
    await found(() => who().includes('Dana Admin') || null, 'the names');
    expect(who()).toEqual(['Dana Admin', 'gone-user (no longer on this site)', 'Chris Admin']);
    // The account id stays at hand, for a JQL or an action.
    expect(mounted.container.querySelector('tbody td[title="dana-admin"]')).not.toBeNull();
    expect(fake.calls.filter((c) => c.route === 'people/names')).toHaveLength(1);
  });

  it('falls back to the account id when the names cannot be read', async () => {
    const fake = fakeBackend((call) =>
      call.route === 'people/names'
        ? refused('jira-failed', { detail: 'no answer' }, 'Jira did not answer')
        : { ok: true, data: [entry('dana-admin', 1)] },
    );
    mounted = await mount(<AuditTab />, { backend: fake.backend });
    await found(() => fake.calls.find((c) => c.route === 'people/names'), 'the names asked for');
    // Every reply of the fake backend is a resolved promise: running what is due now lets the refusal land.
    await advance();
    expect(clean(mounted.container.querySelectorAll('tbody td')[1]?.textContent)).toBe('dana-admin');
  });

  it('names people in German with the German hint', async () => {
    const fake = fakeBackend((call) =>
      call.route === 'people/names' ? people(call) : { ok: true, data: [entry('gone-user', 1)] },
    );
    mounted = await mount(<AuditTab />, { backend: fake.backend, locale: 'de-DE' });
    await found(
      () => clean(mounted.container.querySelectorAll('tbody td')[1]?.textContent).includes('(') || null,
      'the hint',
    );
    expect(clean(mounted.container.querySelectorAll('tbody td')[1]?.textContent)).toBe(
      'gone-user (nicht mehr auf dieser Website)',
    );
  });

  it('asks once for the ids of every part of the page that shows a person', async () => {
    const fake = fakeBackend(people);
    mounted = await mount(
      <p>
        <PersonName accountId="chris-admin" />, <PersonName accountId="dana-admin" />,{' '}
        <PersonName accountId="chris-admin" />
      </p>,
      { backend: fake.backend },
    );
    await found(() => clean(mounted.container.textContent).includes('Dana Admin') || null, 'the names');
    expect(clean(mounted.container.textContent)).toBe('Chris Admin, Dana Admin, Chris Admin');
    expect(
      fake.calls.map((c) => [c.route, c.route === 'people/names' ? [...c.payload.accountIds].sort() : []]),
    ).toEqual([['people/names', ['chris-admin', 'dana-admin']]]);
  });
});
