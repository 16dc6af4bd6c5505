import { z } from 'zod';
import type { Problem } from '../errors';

/**
 * Every bound on what Accord accepts, in one place: the configuration formats (calendars, agreements), the
 * resolvers' payloads and ICS imports. The schemas refuse anything beyond them before any work, with the JSON
 * path and the limit (`$.agreement.counterparty: at most 200 characters`), so that nothing stored can later break
 * a measurement, a reply or a report.
 *
 * Strings that land in key columns fit them (`src/store/schema.ts`, `KEY_LIMITS`: a test holds the two
 * together); the others are generous for people and small for machines: a calendar's holidays fit an issue
 * reply, a JQL parses in well under a millisecond.
 */
export const LIMITS = {
  // ── Strings, in characters ──────────────────────────────────────────────────────────────────────────
  /** Ids of calendars, agreements, metrics and availability services (key columns of 128). */
  id: 128,
  /** A Jira project key (key column of 64; Jira's own keys are at most 10). */
  projectKey: 64,
  /** A Jira account id, group, field, status, priority or transition name, a label. */
  jiraName: 255,
  /** Names of calendars, agreements, metrics, holidays, maintenance windows. */
  name: 200,
  /** An agreement's counterparty: reports group, filter and export by it. */
  counterparty: 200,
  /** Dates, instants and time zones as text. */
  shortText: 64,
  /** A JQL: `appliesTo`, a goal's `when`, `pauseWhile`, `incidentJql`, a recalculation's JQL. */
  jql: 5000,
  /** An action's comment or notification body (Jira takes comments of up to 32,767 characters). */
  actionText: 10_000,
  /** An ICS file to import holidays from (a country's holiday calendar is some 10–100 KB). */
  icsChars: 1_000_000,
  /**
   * A whole calendar or agreement as JSON: within MySQL's `mediumtext` (16 MiB) four bytes a character, and its
   * audit entry (before and after) too, however its parts are filled within their own bounds.
   */
  configJson: 1_000_000,

  // ── Lists, in entries ───────────────────────────────────────────────────────────────────────────────
  /** One-off and annual holidays of a calendar. */
  holidays: 1000,
  /** Exception days of a calendar. */
  exceptions: 1000,
  /** Working spans of one day. */
  spansPerDay: 24,
  /** Metrics of an agreement. */
  metrics: 20,
  /** Start, stop or reset conditions of a metric. */
  conditions: 20,
  /** Values a condition lists (`to`, `from`). */
  conditionValues: 50,
  /** Goals of a metric. */
  goals: 50,
  /** Thresholds of a metric. */
  thresholds: 20,
  /** Actions of a threshold. */
  actions: 10,
  /** Recipients (`groups`, `users`) of a notification. */
  recipients: 50,
  /** Penalty clauses of an agreement. */
  penalties: 50,
  /** Availability objectives of an agreement. */
  availability: 20,
  /** Maintenance windows of an availability objective. */
  maintenanceWindows: 100,
  /** Agreements placed in one project. */
  agreementsPerProject: 100,
  /** Days off an ICS import may expand to, all events together: as many as a calendar holds. */
  icsDays: 1000,

  // ── Work ────────────────────────────────────────────────────────────────────────────────────────────
  /** Stored histories a preview reads at most (a resolver has 25 s). */
  previewIssues: 2000,
  /**
   * What a preview evaluates at most, in history events times the draft's metrics (2,000 issues of 50 events
   * under 20 metrics): some 1.5 s of evaluation on a busy machine. A preview that reaches it answers with what
   * it measured so far and says so (`complete: false`).
   */
  previewWork: 2_000_000,
} as const;

/** Problems a reply lists at most; the last one says how many more there were. */
export const MAX_PROBLEMS = 50;

/** A string of at most `max` characters, whose refusal names the limit. */
export const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/** A non-empty string of at most `max` characters. */
export const nonEmptyText = (max: number) =>
  z.string().min(1, 'must not be empty').max(max, `at most ${max} characters`);

/** A list of at most `max` entries, whose refusal names the limit. */
export const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, `at most ${max} entries`);

/**
 * The problem with a calendar or agreement whose parts are each within their bounds but whose whole is larger
 * than `LIMITS.configJson` characters of JSON, or undefined. Checked after the shape, so that a field over its own
 * bound is named first.
 */
export function beyondConfigJson(body: unknown, path: string, what: string): Problem | undefined {
  const size = JSON.stringify(body).length;
  if (size <= LIMITS.configJson) return undefined;
  return {
    code: `${what}.too-large`,
    message: `At most ${LIMITS.configJson} characters as JSON; this ${what} has ${size}.`,
    path,
  };
}
