import { ForgeJira } from './forge-jira';
import { FakeJira, ok, recordingSleep } from './testing';

/**
 * `GET /rest/servicedeskapi/request/{issueIdOrKey}/sla` in JSM's documented shape (`PagedDTOSlaInformationDTO`
 * of `SlaInformationDTO`: `completedCycles` with `startTime`/`stopTime`/`breached`/`goalDuration`/
 * `elapsedTime`/`remainingTime`, `ongoingCycle` with `paused`/`withinCalendarHours`/`breachTime`; instants as
 * `DateDTO`, durations as `DurationDTO`), read to its last page.
 */

const at = (iso: string) => ({
  iso8601: iso,
  jira: iso,
  friendly: 'Today 10:00 AM',
  epochMillis: Date.parse(iso),
});
const dur = (minutes: number) => ({ millis: minutes * 60_000, friendly: `${String(minutes)}m` });

const firstResponse = {
  id: '1',
  name: 'Time to first response',
  _links: { self: 'https://x.atlassian.net/rest/servicedeskapi/request/10001/sla/1' },
  completedCycles: [
    {
      startTime: at('2026-03-02T08:00:00.000Z'),
      stopTime: at('2026-03-02T08:40:00.000Z'),
      breachTime: at('2026-03-02T09:00:00.000Z'),
      breached: false,
      goalDuration: dur(60),
      elapsedTime: dur(40),
      remainingTime: dur(20),
    },
    {
      startTime: at('2026-03-02T12:00:00.000Z'),
      stopTime: at('2026-03-02T13:30:00.000Z'),
      breachTime: at('2026-03-02T13:00:00.000Z'),
      breached: true,
      goalDuration: dur(60),
      elapsedTime: dur(90),
      remainingTime: dur(-30),
    },
  ],
};
const resolution = {
  id: '2',
  name: 'Time to resolution',
  completedCycles: [],
  ongoingCycle: {
    startTime: at('2026-03-02T08:00:00.000Z'),
    breachTime: at('2026-03-03T08:00:00.000Z'),
    breached: false,
    paused: false,
    withinCalendarHours: true,
    goalDuration: dur(1440),
    elapsedTime: dur(300),
    remainingTime: dur(1140),
  },
};
const waiting = {
  id: '3',
  name: 'Time waiting for support',
  ongoingCycle: {
    startTime: at('2026-03-02T09:00:00.000Z'),
    breached: false,
    paused: true,
    withinCalendarHours: false,
    goalDuration: dur(480),
    elapsedTime: dur(45),
    remainingTime: dur(435),
  },
};

function adapterOver(jira: FakeJira) {
  const { sleep } = recordingSleep();
  return new ForgeJira({ fetch: jira.fetch, appId: 'app-1', environment: 'DEVELOPMENT', sleep });
}

describe('getRequestSlas', () => {
  it('reads every page: completed cycles, an ongoing cycle and a paused one', async () => {
    const pages = [[firstResponse, resolution], [waiting]];
    const jira = new FakeJira().on('GET', '/rest/servicedeskapi/request/IT-7/sla', (call) => {
      const start = Number(call.query.get('start'));
      const values = start === 0 ? pages[0] : pages[1];
      return ok({
        size: values?.length,
        start,
        limit: 2,
        isLastPage: start !== 0,
        _links: { base: 'https://x.atlassian.net', context: '' },
        values,
      });
    });
    const slas = await adapterOver(jira).getRequestSlas('IT-7');

    expect(
      jira.callsTo('GET', '/rest/servicedeskapi/request/IT-7/sla').map((c) => c.query.get('start')),
    ).toEqual(['0', '2']);
    expect(jira.calls.every((c) => c.as === 'app')).toBe(true);
    expect(slas?.map((s) => [s.id, s.name, s.cycles.length])).toEqual([
      ['1', 'Time to first response', 2],
      ['2', 'Time to resolution', 1],
      ['3', 'Time waiting for support', 1],
    ]);
    expect(slas?.[0]?.cycles[1]).toEqual({
      startedAt: Date.parse('2026-03-02T12:00:00.000Z'),
      stoppedAt: Date.parse('2026-03-02T13:30:00.000Z'),
      breached: true,
      breachAt: Date.parse('2026-03-02T13:00:00.000Z'),
      goalMs: 3_600_000,
      elapsedMs: 5_400_000,
      remainingMs: -1_800_000,
    });
    expect(slas?.[1]?.cycles[0]).toEqual(
      expect.objectContaining({
        stoppedAt: null,
        paused: false,
        withinCalendarHours: true,
        elapsedMs: 18_000_000,
      }),
    );
    // Paused: JSM gives no breach time while the clock stands still.
    expect(slas?.[2]?.cycles[0]).toEqual(
      expect.objectContaining({ stoppedAt: null, paused: true, breachAt: null }),
    );
  });

  it('says undefined for an issue that is no request, and names the reply that does not fit', async () => {
    const jira = new FakeJira()
      .on('GET', '/rest/servicedeskapi/request/10002/sla', () => ({
        status: 404,
        json: { errorMessage: 'no' },
      }))
      .on(
        'GET',
        '/rest/servicedeskapi/request/10003/sla',
        ok({ values: [{ id: '1', name: 'TTR', completedCycles: [{}] }] }),
      );
    const adapter = adapterOver(jira);
    await expect(adapter.getRequestSlas('10002')).resolves.toBeUndefined();
    await expect(adapter.getRequestSlas('10003')).rejects.toThrow(/servicedeskapi\/request\/10003\/sla/);
  });
});
