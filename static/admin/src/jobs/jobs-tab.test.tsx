/**
 * @jest-environment jsdom
 */
import type { JobView as Job } from '../../../../src/app/resolvers/job-routes';
import { type AnyReply, fakeBackend, refused } from '../../../shared/testing/fake-backend';
import { screen } from '@testing-library/react';
import { advance } from '../../../shared/testing/ui';
import { clean, mount, type Mounted } from '../testing/render';
import JobsTab from './jobs-tab';

const job = (patch: Partial<Job>): Job => ({
  id: 'job-1',
  spec: { scope: { kind: 'agreement', agreementId: 'gold' }, replaceCompleted: false },
  state: 'running',
  createdAt: Date.parse('2026-03-02T09:00:00Z'),
  createdBy: 'chris-admin',
  updatedAt: 0,
  cursor: null,
  total: 200,
  done: 50,
  failed: 0,
  cancelRequested: false,
  error: null,
  failure: null,
  ...patch,
});

let mounted: Mounted;
afterEach(() => {
  mounted.unmount();
});

describe('recalculation jobs', () => {
  it('shows a running job’s progress, polls until it ends, and says so', async () => {
    const answers = [job({}), job({ done: 150 }), job({ state: 'done', done: 200 })];
    const fake = fakeBackend((call): AnyReply => {
      if (call.route === 'jobs/list')
        return { ok: true, data: [(answers.length > 1 ? answers.shift() : answers[0])!] };
      if (call.route === 'agreements/list')
        return {
          ok: true,
          data: [
            {
              id: 'gold',
              version: 1,
              savedAt: 0,
              savedBy: 'x',
              body: { id: 'gold', name: 'Gold support', kind: 'SLA', metrics: [] },
            },
          ],
        };
      return refused('route-unknown', { route: call.route });
    });
    mounted = await mount(<JobsTab />, { backend: fake.backend });
    const progress = await screen.findByRole('progressbar');
    const jobsListed = () => fake.calls.filter((c) => c.route === 'jobs/list').length;
    expect(clean(mounted.container.querySelector('.accord-job__what strong')?.textContent)).toBe(
      'Agreement “Gold support”',
    );
    expect(progress.getAttribute('aria-valuenow')).toBe('0.25');
    expect(clean(mounted.container.querySelector('.accord-job__progress')?.textContent)).toBe(
      '50 of 200 issues (25%)',
    );
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDefined();

    // It asks again two seconds later, not before.
    expect(jobsListed()).toBe(1);
    await advance(1999);
    expect(jobsListed()).toBe(1);
    await advance(1);
    expect(jobsListed()).toBe(2);
    expect(clean(mounted.container.querySelector('.accord-job__progress')?.textContent)).toBe(
      '150 of 200 issues (75%)',
    );
    expect(mounted.announced).toEqual([]);

    await advance(2000);
    expect(jobsListed()).toBe(3);
    expect(clean(mounted.container.querySelector('.accord-job__progress')?.textContent)).toMatch(/^200/);
    expect(mounted.announced).toEqual(['Recalculation done: 200 issues.']);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();

    // A job that ended is not polled for.
    await advance(60_000);
    expect(jobsListed()).toBe(3);
  });

  it('starts a recalculation for a project, and cancels a running one', async () => {
    const calls: string[] = [];
    const fake = fakeBackend((call): AnyReply => {
      calls.push(`${call.route} ${JSON.stringify(call.payload)}`);
      if (call.route === 'jobs/list')
        return { ok: true, data: [job({ state: 'queued', total: null, done: 0 })] };
      if (call.route === 'jobs/start' || call.route === 'jobs/cancel') return { ok: true, data: job({}) };
      if (call.route === 'agreements/list') return { ok: true, data: [] };
      return refused('route-unknown', { route: call.route });
    });
    mounted = await mount(<JobsTab />, { backend: fake.backend });
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(clean(mounted.container.querySelector('.accord-job__progress')?.textContent)).toBe(
      'Counting the issues…',
    );
    await mounted.user.click(cancel);
    expect(calls).toContain('jobs/cancel {"jobId":"job-1"}');
    expect(mounted.announced).toContain('Cancelling the recalculation.');
  });
});
