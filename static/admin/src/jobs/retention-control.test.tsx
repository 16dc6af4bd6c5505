/**
 * @jest-environment jsdom
 */
import { fakeBackend, type AnyReply } from '../../../shared/testing/fake-backend';
import { button, description, field, mount, type, found, type Mounted } from '../testing/render';
import { RetentionControl } from './retention-control';

const reply = (historyDays: number, rawCycleMonths: number, closedLast30Days: number | null = null) => ({
  policy: { historyDays, rawCycleMonths },
  defaults: { historyDays: 30, rawCycleMonths: 3 },
  automatic: closedLast30Days === null ? null : { closedLast30Days },
  bounds: { historyDays: { min: 7, max: 3650 }, rawCycleMonths: { min: 1, max: 120 } },
});

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

describe('retention', () => {
  it('shows the policy with its defaults and bounds, and saves both numbers', async () => {
    const calls: string[] = [];
    let stored = reply(30, 3, 12_500);
    const fake = fakeBackend((call): AnyReply => {
      calls.push(`${call.route} ${JSON.stringify(call.payload)}`);
      if (call.route === 'retention/set') {
        const p = call.payload;
        stored = 'automatic' in p ? reply(30, 3, 12_500) : reply(p.historyDays, p.rawCycleMonths);
        return { ok: true, data: { policy: stored.policy } };
      }
      return { ok: true, data: stored };
    });
    mounted = await mount(<RetentionControl />, { backend: fake.backend });
    const days = await found(
      () => field(mounted.container, 'Keep histories of closed issues for (days)'),
      'the history field',
    );
    expect(days.value).toBe('30');
    expect(description(days)).toContain('7 to 3,650 days; default 30.');
    expect(mounted.container.querySelector('[data-testid="retention-automatic"]')?.textContent).toBe(
      "Not set by an admin: Accord keeps 30 days and 3 months, so that a year at this site's pace (12,500 " +
        "issues closed in the last 30 days) fits in Forge's 1 GiB.",
    );
    const months = field(mounted.container, 'Keep single cycles for (whole months)');
    expect(months.value).toBe('3');
    await type(mounted.user, days, '90');
    await type(mounted.user, months, '6');
    await mounted.user.click(button(mounted.container, 'Save retention'));
    await found(() => (mounted.announced.length > 0 ? true : null), 'the saved notice');
    expect(calls).toContain('retention/set {"historyDays":90,"rawCycleMonths":6}');
    expect(mounted.announced).toEqual(['Retention saved.']);
    // Set by an admin now: no longer automatic.
    await found(
      () => (mounted.container.querySelector('[data-testid="retention-automatic"]') === null ? true : null),
      'the policy read again, set',
    );
    expect(field(mounted.container, 'Keep single cycles for (whole months)').value).toBe('6');
    await mounted.user.click(button(mounted.container, 'Let Accord choose'));
    await found(
      () => (mounted.container.querySelector('[data-testid="retention-automatic"]') === null ? null : true),
      'the automatic choice again',
    );
    expect(calls).toContain('retention/set {"automatic":true}');
  });
});
