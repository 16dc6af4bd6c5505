/**
 * @jest-environment jsdom
 */
import { act, render as show, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { UiContext } from '../../shared/backend';
import { type AnyReply, fakeBackend, refused } from '../../shared/testing/fake-backend';
import { advance, loaded, onFakeClock, person } from '../../shared/testing/ui';
import type { PortalCommitment } from './commitments';
import { PortalPanel } from './portal';

/** Monday 2 March 2026, at a Berlin wall-clock time. */
const berlin = (time: string): number => Date.parse(`2026-03-02T${time}+01:00`);
const iso = (time: string): string => new Date(berlin(time)).toISOString();

const commitment = (overrides: Partial<PortalCommitment>): PortalCommitment => ({
  key: '0',
  purpose: 'response',
  name: 'Time to first response',
  state: 'running',
  due: iso('11:00'),
  completedAt: null,
  waitingForYou: false,
  ...overrides,
});

const replyWith = (...commitments: PortalCommitment[]): AnyReply => ({
  ok: true,
  data: { issueId: '10042', commitments: commitments.map((c, i) => ({ ...c, key: String(i) })) },
});

const customer: Partial<UiContext> = {
  issueId: '10042',
  accountId: 'carla-customer',
  locale: 'en-GB',
  timeZone: 'Europe/Berlin',
};

onFakeClock(berlin('10:00'));

let container: HTMLElement;
let user: UserEvent;

async function render(
  replies: readonly AnyReply[],
  context: Partial<UiContext> = customer,
): Promise<ReturnType<typeof fakeBackend>> {
  let i = 0;
  const fake = fakeBackend(() => replies[Math.min(i++, replies.length - 1)] ?? replyWith(), {
    ...customer,
    ...context,
  });
  ({ container } = show(<PortalPanel backend={fake.backend} />));
  user = person();
  await advance();
  await loaded(container);
  return fake;
}

const text = (selector: string): string[] =>
  [...container.querySelectorAll(selector)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());

describe('the customer portal panel', () => {
  it('asks for the request of its context and promises a reply and a resolution by an instant in the customer’s zone', async () => {
    const fake = await render([
      replyWith(
        commitment({}),
        commitment({ purpose: 'resolution', name: 'Time to resolution', due: '2026-03-03T15:30:00.000Z' }),
      ),
    ]);
    expect(fake.calls).toEqual([{ route: 'portal/commitments', payload: { issueId: '10042' } }]);
    expect(text('.accord-commitment__title')).toEqual(['Response', 'Resolution']);
    expect(text('.accord-commitment__text')).toEqual([
      'We will respond by Monday 2 March at 11:00 CET.',
      'We will resolve your request by Tuesday 3 March at 16:30 CET.',
    ]);
    expect(container.querySelector('time')?.getAttribute('dateTime')).toBe('2026-03-02T10:00:00.000Z');
    expect(container.querySelector('ul')?.getAttribute('aria-label')).toBe('Our commitments on this request');
  });

  it('shows the instant in the customer’s own zone, not the service desk’s', async () => {
    await render([replyWith(commitment({}))], { locale: 'en-US', timeZone: 'America/New_York' });
    expect(text('.accord-commitment__text')).toEqual(['We will respond by Monday, March 2 at 5:00 AM EST.']);
  });

  it('says when a commitment was met, and owns up when it was not', async () => {
    await render([
      replyWith(
        commitment({ state: 'met', due: null, completedAt: iso('09:14') }),
        commitment({ purpose: 'resolution', state: 'breached', due: null, completedAt: iso('17:40') }),
      ),
    ]);
    expect(text('.accord-commitment__text')).toEqual([
      'We responded on Monday 2 March at 09:14 CET.',
      'We resolved your request on Monday 2 March at 17:40 CET, later than we committed to. We are sorry for the delay.',
    ]);
    expect(text('.accord-lozenge')).toEqual([]);
  });

  it('tells the customer the clock waits for their reply, and says nothing of why otherwise', async () => {
    await render([
      replyWith(
        commitment({ purpose: 'resolution', state: 'paused', due: null, waitingForYou: true }),
        commitment({ purpose: 'other', name: 'Time to update', state: 'paused', due: null }),
      ),
    ]);
    expect(text('.accord-commitment__title')).toEqual(['Resolution', 'Time to update']);
    expect(text('.accord-lozenge')).toEqual(['Waiting for you']);
    expect(text('.accord-commitment__text')).toEqual([
      'We are waiting for your reply. The clock is paused until you respond.',
      'On hold for now. The clock is paused and we will continue as soon as we can.',
    ]);
  });

  it('reads as running late once the deadline passes, before the backend’s next sweep says so', async () => {
    await render([replyWith(commitment({}))]);
    expect(text('.accord-lozenge')).toEqual([]);
    jest.setSystemTime(berlin('11:00:30'));
    await advance(60_000);
    expect(text('.accord-lozenge')).toEqual(['Running late']);
    expect(text('.accord-commitment__text')).toEqual([
      'We aimed to respond by Monday 2 March at 11:00 CET. We are running late and will respond as soon as we can.',
    ]);
  });

  it('speaks German to a German customer, formally', async () => {
    await render(
      [
        replyWith(
          commitment({}),
          commitment({ purpose: 'resolution', state: 'paused', due: null, waitingForYou: true }),
          commitment({ purpose: 'resolution', state: 'overdue', due: iso('09:30') }),
        ),
      ],
      { locale: 'de-DE' },
    );
    expect(text('.accord-commitment__text')).toEqual([
      'Wir antworten Ihnen bis Montag, 2. März um 11:00 MEZ.',
      'Wir warten auf Ihre Antwort. Bis dahin ist die Frist angehalten.',
      'Wir wollten Ihre Anfrage bis Montag, 2. März um 09:30 MEZ lösen. Wir sind leider im Verzug und arbeiten weiter daran.',
    ]);
    expect(text('.accord-lozenge')).toEqual(['Wartet auf Sie', 'Verspätet']);
  });

  it('and Danish to a Danish one', async () => {
    await render([replyWith(commitment({ state: 'met', due: null, completedAt: iso('09:14') }))], {
      locale: 'da-DK',
      timeZone: 'Europe/Copenhagen',
    });
    expect(text('.accord-commitment__text')).toEqual(['Vi svarede dig mandag 2. marts kl. 09.14 CET.']);
  });

  it('says plainly when no time is agreed for the request', async () => {
    await render([replyWith()]);
    expect(text('p')).toEqual(['There is no agreed response or resolution time for this request.']);
    expect(container.querySelector('ul')).toBeNull();
  });

  it('shows a failure in the customer’s language with a way to try again, and keeps what it showed when a refresh fails', async () => {
    const fake = await render(
      [
        refused('internal-error', { detail: 'boom' }),
        replyWith(commitment({})),
        refused('unreachable', { detail: 'down' }),
      ],
      { locale: 'de-DE' },
    );
    expect(text('[role="alert"] p')).toEqual([
      'Die Zusagen zu dieser Anfrage konnten nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    ]);
    expect(container.textContent).not.toContain('boom');
    await user.click(container.querySelector('button')!);
    await waitFor(() => {
      expect(text('.accord-commitment__text')).toHaveLength(1);
    });
    await advance(60_000);
    expect(fake.calls).toHaveLength(3);
    expect(text('.accord-commitment__text')).toHaveLength(1);
    expect(text('[role="alert"]')).toEqual([]);
  });

  it('tells someone the request is not shared with that it cannot show it, without a pointless retry', async () => {
    await render([refused('request-not-shared', {})]);
    expect(text('[role="alert"]')).toEqual([
      'This request is not shared with you, so its commitments cannot be shown.',
    ]);
    expect(container.querySelector('button')).toBeNull();
  });

  it('does not claim that nothing is agreed when the host did not say which request this is', async () => {
    const fake = await render([replyWith(commitment({}))], { issueId: null });
    expect(text('[role="alert"]')).toEqual([
      'We could not load the commitments for this request. Check your connection and try again.',
    ]);
    expect(fake.calls).toEqual([]);
  });

  it('refetches when the request changes, where the host lets a customer listen', async () => {
    const fake = await render([replyWith(commitment({}))]);
    act(() => {
      fake.notify('accord:issue:10042');
    });
    await waitFor(() => {
      expect(fake.calls).toHaveLength(2);
    });
  });
});
