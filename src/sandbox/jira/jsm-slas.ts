import { loadConfig } from '../../engine/config/load';
import type { CompiledConfig } from '../../engine/evaluate/evaluate';
import { evaluateHistory } from '../../engine/evaluate/evaluate';
import type { CycleResult, MetricResult } from '../../engine/evaluate/result';
import { historyOf, parseIssue } from '../../engine/issue';
import type { EpochMs } from '../../engine/time/units';
import type { JiraIssueJson } from '../../app/ports';

/**
 * JSM's own SLAs on the simulated site, so that the JSM comparison has something to compare with: the two SLA
 * metrics a new JSM service project starts with, "Time to first response" and "Time to resolution", as JSM's
 * default configuration words them: goals by priority on JSM's 24/7 calendar, resolution paused while the request
 * waits for the customer. They are measured with Accord's own engine (JSM's semantics for these simple goals are
 * the same) and answered in JSM's documented reply shape (`PagedDTOSlaInformationDTO`), page by page.
 */

const ALWAYS = { from: '00:00', to: '24:00' };
const JSM_CONFIG = {
  calendars: [
    {
      id: 'jsm-24-7',
      name: '24/7 Calendar',
      timeZone: 'UTC',
      week: {
        mon: [ALWAYS],
        tue: [ALWAYS],
        wed: [ALWAYS],
        thu: [ALWAYS],
        fri: [ALWAYS],
        sat: [ALWAYS],
        sun: [ALWAYS],
      },
    },
  ],
  agreements: [
    {
      id: 'jsm',
      name: 'JSM',
      kind: 'SLA',
      metrics: [
        {
          id: '1',
          name: 'Time to first response',
          start: [{ event: 'created' }],
          stop: [
            { event: 'comment', by: 'agent', public: true },
            { event: 'resolution', change: 'set' },
          ],
          goals: [
            { when: 'priority in (Highest, High)', targetMinutes: 60, calendar: 'jsm-24-7' },
            { targetMinutes: 240, calendar: 'jsm-24-7' },
          ],
        },
        {
          id: '2',
          name: 'Time to resolution',
          start: [{ event: 'created' }],
          stop: [{ event: 'resolution', change: 'set' }],
          pauseWhile: 'status = "Waiting for customer"',
          goals: [
            { when: 'priority = Highest', targetMinutes: 240, calendar: 'jsm-24-7' },
            { when: 'priority = High', targetMinutes: 480, calendar: 'jsm-24-7' },
            { targetMinutes: 1440, calendar: 'jsm-24-7' },
          ],
        },
      ],
    },
  ],
};

let compiled: CompiledConfig | undefined;
function jsmConfig(): CompiledConfig {
  if (compiled) return compiled;
  const loaded = loadConfig(JSM_CONFIG);
  if (!loaded.ok)
    throw new Error(`the sandbox's JSM SLAs: ${loaded.problems.map((p) => p.message).join('; ')}`);
  compiled = loaded.value;
  return compiled;
}

const date = (iso: string) => {
  const epochMillis = Date.parse(iso);
  return { iso8601: iso, jira: iso, friendly: iso, epochMillis };
};
const duration = (millis: number) => ({ millis, friendly: `${String(Math.round(millis / 60_000))}m` });

function completed(c: CycleResult, goalMs: number | null): Record<string, unknown> {
  return {
    startTime: date(c.startedAt),
    stopTime: date(c.stoppedAt ?? c.startedAt),
    ...(c.breachedAt !== null ? { breachTime: date(c.breachedAt) } : {}),
    breached: c.breached,
    ...(goalMs === null ? {} : { goalDuration: duration(goalMs) }),
    elapsedTime: duration(c.elapsedMs),
    ...(c.remainingMs === null ? {} : { remainingTime: duration(c.remainingMs) }),
  };
}

function ongoing(c: CycleResult, metric: MetricResult, goalMs: number | null): Record<string, unknown> {
  const breachAt = c.breachedAt ?? c.deadline;
  return {
    startTime: date(c.startedAt),
    ...(breachAt !== null ? { breachTime: date(breachAt) } : {}),
    breached: c.breached,
    paused: metric.state === 'paused',
    // JSM's 24/7 calendar: the clock is not limited to calendar hours.
    withinCalendarHours: false,
    ...(goalMs === null ? {} : { goalDuration: duration(goalMs) }),
    elapsedTime: duration(c.elapsedMs),
    ...(c.remainingMs === null ? {} : { remainingTime: duration(c.remainingMs) }),
  };
}

/**
 * One page (`start`, `limit`) of `GET /rest/servicedeskapi/request/{id}/sla` for an issue's JSON at `now`.
 * @example slaPage(issue.json(), now, 0, 50).values.map((v) => v.name) // ['Time to first response', 'Time to resolution']
 */
export function slaPage(
  json: JiraIssueJson,
  now: EpochMs,
  start: number,
  limit: number,
): { start: number; limit: number; size: number; isLastPage: boolean; values: Record<string, unknown>[] } {
  const parsed = parseIssue(json);
  if (!parsed.ok) throw new Error(`the sandbox cannot read issue ${String(json.id)}`);
  const result = evaluateHistory(jsmConfig(), historyOf(parsed.value), now);
  const metrics = result.agreements[0]?.metrics ?? [];
  const all = metrics
    .filter((m) => m.cycles.length > 0)
    .map((m) => {
      const goalMs = m.goal?.targetMinutes == null ? null : m.goal.targetMinutes * 60_000;
      const done = m.cycles.filter((c) => c.stoppedAt !== null);
      const running = m.cycles.find((c) => c.stoppedAt === null);
      return {
        id: m.id,
        name: m.name,
        _links: {
          self: `https://sandbox.example/rest/servicedeskapi/request/${String(json.id)}/sla/${m.id}`,
        },
        completedCycles: done.map((c) => completed(c, goalMs)),
        ...(running ? { ongoingCycle: ongoing(running, m, goalMs) } : {}),
      };
    });
  const values = all.slice(start, start + limit);
  return { start, limit, size: values.length, isLastPage: start + limit >= all.length, values };
}
