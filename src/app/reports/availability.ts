/**
 * Availability of an agreement's services over a period: the incidents come from Jira (the objective's JQL,
 * which Jira evaluates), each one's outage from its outage fields (or its creation and resolution), and the
 * engine does the arithmetic (overlaps once, maintenance out, service hours only).
 */
import type { AvailabilityObjective } from '../../engine/agreement/types';
import type { WorkingTime } from '../../engine/calendar/timeline';
import { resolveFieldName } from '../../engine/fields';
import {
  availabilityOf,
  maintenanceIntervals,
  parseMaintenanceWindow,
  type AvailabilityResult,
  type Outage,
  type ParsedWindow,
} from '../../engine/report';
import { formatInstant, parseInstant } from '../../engine/time/iso';
import type { EpochMs, IanaZone, Interval } from '../../engine/time/units';
import type { Deps } from '../evaluation/deps';
import { JiraError, type JiraIssueJson } from '../ports';
import type { AvailabilityError, AvailabilityView } from '../resolvers/report-types';

/** At most this many incident issues are read per service and report. */
const MAX_INCIDENTS = 2000;

/**
 * Measures one availability objective over a period.
 * @example await serviceAvailability(deps, objective, calendar, zone, march, now)
 */
export async function serviceAvailability(
  deps: Deps,
  objective: AvailabilityObjective,
  calendar: WorkingTime | undefined,
  zone: IanaZone,
  period: Interval,
  now: EpochMs,
): Promise<{ view: AvailabilityView; result: AvailabilityResult | undefined }> {
  if (!calendar)
    return {
      view: failed(objective, { code: 'calendar-unknown', params: { calendar: objective.calendar } }),
      result: undefined,
    };
  let outages: Outage[];
  try {
    outages = await readOutages(deps, objective);
  } catch (error) {
    if (!(error instanceof JiraError)) throw error;
    return {
      view: failed(objective, { code: 'incidents-unreadable', params: { detail: error.message } }),
      result: undefined,
    };
  }
  const windows = (objective.maintenanceWindows ?? []).flatMap((w, i): ParsedWindow[] => {
    const parsed = parseMaintenanceWindow(w, `$.maintenanceWindows[${i}]`);
    return parsed.ok ? [parsed.value] : [];
  });
  const result = availabilityOf({
    period,
    now,
    calendar,
    outages,
    maintenance: maintenanceIntervals(windows, zone, period),
    objectivePercent: objective.objectivePercent,
  });
  return { view: viewOf(objective, result), result };
}

function viewOf(objective: AvailabilityObjective, r: AvailabilityResult): AvailabilityView {
  return {
    service: objective.service,
    objectivePercent: objective.objectivePercent,
    calendar: objective.calendar,
    scheduledMs: r.scheduledMs,
    downtimeMs: r.downtimeMs,
    maintenanceMs: r.maintenanceMs,
    availablePercent: r.availablePercent,
    objectiveMet: r.objectiveMet,
    allowedDowntimeMs: r.allowedDowntimeMs,
    remainingDowntimeMs: r.remainingDowntimeMs,
    incidents: r.incidents.map((i) => ({
      issueKey: i.issueKey,
      start: formatInstant(i.start),
      end: i.end === null ? null : formatInstant(i.end),
      downtimeMs: i.downtimeMs,
    })),
    error: null,
  };
}

function failed(objective: AvailabilityObjective, error: AvailabilityError): AvailabilityView {
  return {
    service: objective.service,
    objectivePercent: objective.objectivePercent,
    calendar: objective.calendar,
    scheduledMs: 0,
    downtimeMs: 0,
    maintenanceMs: 0,
    availablePercent: null,
    objectiveMet: null,
    allowedDowntimeMs: 0,
    remainingDowntimeMs: 0,
    incidents: [],
    error,
  };
}

// ── Incidents from Jira ──────────────────────────────────────────────────────────────────────────────

/**
 * The objective's incidents and their outages. Jira evaluates the JQL (the site's own index, the issues'
 * current state); their fields come in bulk. ATTENTION: at most {@link MAX_INCIDENTS} issues are read; a
 * service with more incidents than that in its history needs a JQL that narrows them (e.g. by date).
 */
async function readOutages(deps: Deps, objective: AvailabilityObjective): Promise<Outage[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await deps.jira.searchIssueIds(objective.incidentJql, {
      maxResults: 100,
      ...(token === undefined ? {} : { nextPageToken: token }),
    });
    ids.push(...page.issueIds);
    token = page.nextPageToken;
  } while (token !== undefined && ids.length < MAX_INCIDENTS);
  if (ids.length === 0) return [];
  const issues = await deps.jira.getIssues(ids.slice(0, MAX_INCIDENTS));
  const names = await fieldNames(deps, objective, issues, ids[0] ?? '');
  return issues.flatMap((issue) => {
    const outage = outageOf(issue, objective, names);
    return outage ? [outage] : [];
  });
}

/**
 * The display names of the site's fields, when an outage field is named by its name rather than its id: from
 * the bulk reply if it has them, else from one issue read with `expand=names`.
 */
async function fieldNames(
  deps: Deps,
  objective: AvailabilityObjective,
  issues: readonly JiraIssueJson[],
  firstId: string,
): Promise<Readonly<Record<string, unknown>>> {
  const byName = [objective.outageStartField, objective.outageEndField].some(
    (f) => f !== undefined && resolveFieldName(f).startsWith('name:'),
  );
  if (!byName) return {};
  const inReply = issues.find((i) => isRecord(i.names))?.names;
  if (isRecord(inReply)) return inReply;
  const one = await deps.jira.getIssue(firstId, { fields: ['created'] });
  return isRecord(one?.names) ? one.names : {};
}

/** One issue's outage: from the start field or its creation, to the end field or its resolution (null: ongoing). */
export function outageOf(
  issue: JiraIssueJson,
  objective: Pick<AvailabilityObjective, 'outageStartField' | 'outageEndField'>,
  names: Readonly<Record<string, unknown>>,
): Outage | undefined {
  const fields = isRecord(issue.fields) ? issue.fields : {};
  const key = typeof issue.key === 'string' ? issue.key : String(issue.id);
  const start = instantIn(fields, objective.outageStartField, names) ?? instantIn(fields, 'created', names);
  if (start === undefined) return undefined;
  const end =
    instantIn(fields, objective.outageEndField, names) ?? instantIn(fields, 'resolutiondate', names) ?? null;
  return { issueKey: key, start, end: end !== null && end < start ? start : end };
}

/** The instant a field holds (`created`, `customfield_N`, `cf[N]` or a display name), if it holds one. */
function instantIn(
  fields: Readonly<Record<string, unknown>>,
  field: string | undefined,
  names: Readonly<Record<string, unknown>>,
): EpochMs | undefined {
  if (field === undefined) return undefined;
  const value = fields[fieldId(fields, field, names) ?? ''];
  return typeof value === 'string' ? parseInstant(value) : undefined;
}

/** The key under which `fields` holds a field named by its key, `cf[N]`, or its display name. */
function fieldId(
  fields: Readonly<Record<string, unknown>>,
  field: string,
  names: Readonly<Record<string, unknown>>,
): string | undefined {
  if (Object.hasOwn(fields, field)) return field;
  const resolved = resolveFieldName(field);
  if (resolved.startsWith('customfield_')) return resolved;
  const wanted = field.trim().toLowerCase();
  return Object.keys(names).find((k) => {
    const name = names[k];
    return typeof name === 'string' && name.trim().toLowerCase() === wanted;
  });
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
