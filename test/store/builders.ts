/**
 * Builders for the store contract: each makes a valid value with defaults, so a test states only what matters.
 */
import type { Agreement } from '../../src/engine/agreement/types';
import type { Calendar } from '../../src/engine/calendar/types';
import type { MetricResult } from '../../src/engine/evaluate/result';
import type { IssueHistoryData } from '../../src/engine/issue/types';
import type {
  AuditEntry,
  ConfigStore,
  Job,
  StoredCycle,
  StoredHistory,
  StoredResult,
} from '../../src/app/ports/store';

/** 2026-03-02T09:00:00Z, a Monday. */
export const T0 = Date.UTC(2026, 2, 2, 9);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A history stamp that sorts by `n`, shaped like the real ones (`fields.updated`, then counts). */
export function stamp(n: number): string {
  return `${(T0 + n * MINUTE).toString().padStart(15, '0')}.${n.toString().padStart(6, '0')}`;
}

export function makeCalendar(overrides: Partial<Calendar> = {}): Calendar {
  return {
    id: 'berlin',
    name: 'Berlin office',
    timeZone: 'Europe/Berlin',
    week: { mon: [{ from: '09:00', to: '17:00' }], tue: [{ from: '09:00', to: '17:00' }] },
    holidays: [{ date: '2026-12-25', name: 'Christmas Day', annual: true }],
    ...overrides,
  };
}

export function makeAgreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: 'gold',
    name: 'Gold support',
    kind: 'SLA',
    counterparty: 'ACME',
    metrics: [
      {
        id: 'ttr',
        name: 'Time to resolution',
        start: [{ event: 'created' }],
        stop: [{ event: 'resolution', change: 'set' }],
        goals: [{ targetMinutes: 240, calendar: 'berlin', objectivePercent: 95 }],
      },
    ],
    ...overrides,
  };
}

export function makeMetricResult(overrides: Partial<MetricResult> = {}): MetricResult {
  return {
    id: 'ttr',
    name: 'Time to resolution',
    state: 'running',
    breached: false,
    everBreached: false,
    goal: { index: 0, targetMinutes: 240, calendar: 'berlin', objectivePercent: 95 },
    cycles: [
      {
        startedAt: new Date(T0).toISOString(),
        stoppedAt: null,
        elapsedMs: 90 * MINUTE,
        pausedMs: 0,
        remainingMs: 150 * MINUTE,
        deadline: new Date(T0 + 4 * HOUR).toISOString(),
        breached: false,
        breachedAt: null,
        goalIndex: 0,
        pauses: [],
        thresholds: [{ index: 0, crossings: 0, lastAt: null, nextAt: new Date(T0 + 3 * HOUR).toISOString() }],
      },
    ],
    next: new Date(T0 + 3 * HOUR).toISOString(),
    ...overrides,
  };
}

export function makeResult(overrides: Partial<StoredResult> = {}): StoredResult {
  return {
    issueId: '10001',
    issueKey: 'SD-1',
    projectKey: 'SD',
    agreementId: 'gold',
    agreementVersion: 1,
    calendarVersions: { berlin: 1 },
    kind: 'SLA',
    metricId: 'ttr',
    state: 'running',
    breached: false,
    everBreached: false,
    deadline: T0 + 4 * HOUR,
    nextDue: T0 + 3 * HOUR,
    evaluatedAt: T0 + HOUR,
    stamp: stamp(1),
    result: makeMetricResult(),
    ...overrides,
  };
}

export function makeCycle(overrides: Partial<StoredCycle> = {}): StoredCycle {
  return {
    issueId: '10001',
    issueKey: 'SD-1',
    projectKey: 'SD',
    agreementId: 'gold',
    agreementVersion: 1,
    kind: 'SLA',
    counterparty: 'ACME',
    metricId: 'ttr',
    cycle: 0,
    goalIndex: 0,
    targetMinutes: 240,
    objectivePercent: 95,
    startedAt: T0,
    stoppedAt: T0 + 2 * HOUR,
    elapsedMs: 2 * HOUR,
    pausedMs: 0,
    breached: false,
    breachedAt: null,
    ...overrides,
  };
}

/**
 * Stores the agreement versions {@link makeCycle}'s cycles name, with the terms cycles take from them (kind,
 * counterparty, goal target and objective: the store reads them from the version, not the cycle row): `gold`
 * versions 1 to 3 (SLA, ACME) and `ola-l2` version 1 (OLA, L2), each with metrics `ttr` and `frt` whose
 * goal 0 is 240 minutes at 95 % (as {@link makeCycle}'s) and goal 1 480 minutes at 90 %.
 */
export async function storeCycleAgreements(config: ConfigStore): Promise<void> {
  const goals = [
    { targetMinutes: 240, calendar: 'berlin', objectivePercent: 95 },
    { targetMinutes: 480, calendar: 'berlin', objectivePercent: 90 },
  ];
  const base = makeAgreement().metrics[0];
  if (!base) throw new Error('makeAgreement has a metric');
  const metrics = ['ttr', 'frt'].map((id) => ({ ...base, id, goals }));
  const saves: [string, Agreement][] = [
    ['gold', makeAgreement({ metrics })],
    ['gold', makeAgreement({ metrics })],
    ['gold', makeAgreement({ metrics })],
    ['ola-l2', makeAgreement({ id: 'ola-l2', kind: 'OLA', counterparty: 'L2', metrics })],
  ];
  const versions = new Map<string, number>();
  for (const [id, body] of saves) {
    const expectedVersion = versions.get(id) ?? 0;
    const saved = await config.put('agreement', id, body, {
      expectedVersion,
      savedAt: T0,
      savedBy: 'admin-1',
    });
    if (saved === 'conflict') throw new Error(`agreement ${id} was stored already`);
    versions.set(id, expectedVersion + 1);
  }
}

export function makeHistoryData(overrides: Partial<IssueHistoryData> = {}): IssueHistoryData {
  return {
    v: 1,
    key: 'SD-1',
    id: '10001',
    created: T0,
    fields: [{ keys: ['status', 'name:status'], at: [T0 + HOUR], values: [['open'], ['done']] }],
    events: [
      { kind: 'created', at: T0 },
      { kind: 'field', at: T0 + HOUR, field: 0, change: 0 },
    ],
    ...overrides,
  };
}

export function makeHistory(overrides: Partial<StoredHistory> = {}): StoredHistory {
  return {
    issueId: '10001',
    issueKey: 'SD-1',
    projectKey: 'SD',
    stamp: stamp(1),
    data: makeHistoryData(),
    ...overrides,
  };
}

export function makeJob(overrides: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    spec: { scope: { kind: 'project', projectKey: 'SD' }, replaceCompleted: false },
    state: 'queued',
    createdAt: T0,
    createdBy: 'admin-1',
    updatedAt: T0,
    cursor: null,
    total: null,
    done: 0,
    failed: 0,
    cancelRequested: false,
    error: null,
    ...overrides,
  };
}

export function makeAudit(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: T0,
    actor: 'admin-1',
    action: 'agreement.save',
    entity: 'agreement',
    entityId: 'gold',
    version: 1,
    changes: [{ path: '$.metrics[0].goals[0].targetMinutes', before: 480, after: 240 }],
    ...overrides,
  };
}
