import { dateHolidaysKnows, dateHolidaysLookup } from '../calendar/region-lookup';
import { loadConfig } from '../config/load';
import type { Result } from '../errors';
import { historyOf, parseIssue, type IssueHistory, type StatusCatalog } from '../issue';
import { parseInstant } from '../time/iso';
import type { EpochMs } from '../time/units';
import { adjustmentsOf, type AdjustmentJson } from './adjustments';
import { evaluateHistory, type CompiledConfig } from './evaluate';
import type { IssueResult } from './result';

export interface EvaluateInput {
  /** Agreements in the configuration format (validated here), or as {@link loadConfig} compiled them. */
  readonly agreements: readonly unknown[];
  readonly calendars: readonly unknown[];
  /** Jira's issue JSON (`expand=changelog`, with comments), or a history already parsed. */
  readonly issue: unknown;
  /** The evaluation instant: epoch ms or an ISO instant. */
  readonly now: number | string;
  /** Jira's `GET /rest/api/3/status` reply, parsed, to know the category of statuses in the history. */
  readonly statuses?: StatusCatalog;
  /** The issue's extensions and excused breaches (docs/engine-contract.md, "Extensions and excused breaches"). */
  readonly adjustments?: readonly AdjustmentJson[];
}

// Compiling agreements and calendars is the costly part; callers pass the same arrays for many issues, so the
// compiled form is kept per pair of arrays for as long as they live.
const compiled = new WeakMap<object, WeakMap<object, Result<CompiledConfig>>>();

function configFor(agreements: readonly unknown[], calendars: readonly unknown[]): Result<CompiledConfig> {
  let byCalendars = compiled.get(agreements);
  if (!byCalendars) {
    byCalendars = new WeakMap();
    compiled.set(agreements, byCalendars);
  }
  let config = byCalendars.get(calendars);
  if (!config) {
    config = loadConfig(
      { agreements, calendars },
      { regionHolidays: dateHolidaysLookup, isKnownRegion: dateHolidaysKnows },
    );
    byCalendars.set(calendars, config);
  }
  return config;
}

const isHistory = (issue: unknown): issue is IssueHistory =>
  typeof issue === 'object' && issue !== null && typeof (issue as Partial<IssueHistory>).at === 'function';

/**
 * Measures an issue against agreements on their calendars at `now`: every applicable agreement's metrics, with
 * their state, cycles, elapsed and paused time, remaining time, deadline, breach and thresholds
 * (docs/engine-contract.md, "Output"). A pure function of its inputs; invalid input gives problems with JSON paths.
 *
 * @example
 * const result = evaluate({ agreements, calendars, issue: jiraIssueJson, now: '2026-03-02T10:00:00Z' });
 * if (result.ok) result.value.agreements[0]?.metrics[0]?.state // 'running'
 */
export function evaluate(input: EvaluateInput): Result<IssueResult> {
  const config = configFor(input.agreements, input.calendars);
  if (!config.ok) return config;
  const now = typeof input.now === 'number' ? (input.now as EpochMs) : parseInstant(input.now);
  if (now === undefined) {
    return {
      ok: false,
      problems: [{ code: 'evaluate.now.invalid', message: `not an ISO instant: "${String(input.now)}"` }],
    };
  }
  let history: IssueHistory;
  if (isHistory(input.issue)) history = input.issue;
  else {
    const data = parseIssue(input.issue, input.statuses === undefined ? {} : { statuses: input.statuses });
    if (!data.ok) return data;
    history = historyOf(data.value);
  }
  const adjustments = adjustmentsOf(input.adjustments ?? []);
  if (!adjustments.ok) {
    const { index, message } = adjustments;
    return {
      ok: false,
      problems: [{ code: 'evaluate.adjustment.invalid', message, path: `$.adjustments[${String(index)}]` }],
    };
  }
  return { ok: true, value: evaluateHistory(config.value, history, now, adjustments.value) };
}
