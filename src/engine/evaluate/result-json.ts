import type { AgreementResult, CycleResult, GoalResult, IssueResult, MetricResult } from './result';

/**
 * An issue's result as JSON text, exactly what `JSON.stringify(result)` gives, in half its time: the command line
 * writes one per issue, and the generic walk over a dozen small objects an issue cost as much as evaluating it.
 * The key order is the order in which the engine builds each object; the tests hold the two equal on every state.
 * @example resultJson(evaluateHistory(config, history, now)) === JSON.stringify(evaluateHistory(config, history, now))
 */
export function resultJson(result: IssueResult): string {
  let out = `{"issue":${JSON.stringify(result.issue)},"evaluatedAt":${instant(result.evaluatedAt)},"agreements":[`;
  const { agreements } = result;
  for (let i = 0; i < agreements.length; i++) {
    const agreement = agreements[i];
    if (agreement !== undefined) out += (i === 0 ? '' : ',') + agreementJson(agreement);
  }
  return `${out}]}`;
}

function agreementJson(agreement: AgreementResult): string {
  const { counterparty, metrics } = agreement;
  let out = `{"id":${text(agreement.id)},"name":${text(agreement.name)},"kind":${text(agreement.kind)}`;
  if (counterparty !== undefined) out += `,"counterparty":${text(counterparty)}`;
  out += ',"metrics":[';
  for (let i = 0; i < metrics.length; i++) {
    const metric = metrics[i];
    if (metric !== undefined) out += (i === 0 ? '' : ',') + metricJson(metric);
  }
  return `${out}]}`;
}

function metricJson(metric: MetricResult): string {
  const { cycles, pausedBy, resumesAt } = metric;
  let out =
    `{"id":${text(metric.id)},"name":${text(metric.name)},"state":"${metric.state}",` +
    `"breached":${String(metric.breached)},"everBreached":${String(metric.everBreached)},` +
    `"goal":${goalJson(metric.goal)},"cycles":[`;
  for (let i = 0; i < cycles.length; i++) {
    const cycle = cycles[i];
    if (cycle !== undefined) out += (i === 0 ? '' : ',') + cycleJson(cycle);
  }
  out += ']';
  if (pausedBy !== undefined) out += `,"pausedBy":${text(pausedBy)}`;
  if (resumesAt !== undefined) out += `,"resumesAt":${instant(resumesAt)}`;
  return `${out},"next":${instant(metric.next)}}`;
}

function goalJson(goal: GoalResult | null): string {
  if (goal === null) return 'null';
  const { objectivePercent } = goal;
  const head = `{"index":${number(goal.index)},"targetMinutes":${number(goal.targetMinutes)},"calendar":${text(goal.calendar)}`;
  return objectivePercent === undefined
    ? `${head}}`
    : `${head},"objectivePercent":${number(objectivePercent)}}`;
}

function cycleJson(cycle: CycleResult): string {
  const { pauses, thresholds } = cycle;
  let out =
    `{"startedAt":${instant(cycle.startedAt)},"stoppedAt":${instant(cycle.stoppedAt)},` +
    `"elapsedMs":${number(cycle.elapsedMs)},"pausedMs":${number(cycle.pausedMs)},` +
    `"remainingMs":${number(cycle.remainingMs)},"deadline":${instant(cycle.deadline)},` +
    `"breached":${String(cycle.breached)},"breachedAt":${instant(cycle.breachedAt)},` +
    `"goalIndex":${number(cycle.goalIndex)},"pauses":[`;
  for (let i = 0; i < pauses.length; i++) {
    const pause = pauses[i];
    if (pause !== undefined)
      out += `${i === 0 ? '' : ','}{"from":${instant(pause.from)},"to":${instant(pause.to)}}`;
  }
  out += '],"thresholds":[';
  for (let i = 0; i < thresholds.length; i++) {
    const t = thresholds[i];
    if (t !== undefined) {
      out +=
        `${i === 0 ? '' : ','}{"index":${number(t.index)},"crossings":${number(t.crossings)},` +
        `"lastAt":${instant(t.lastAt)},"nextAt":${instant(t.nextAt)}}`;
    }
  }
  return `${out}]}`;
}

/** A number as JSON writes it: `null` for NaN and the infinities, which JSON cannot hold. */
const number = (n: number | null): string => (n !== null && Number.isFinite(n) ? String(n) : 'null');

/** An ISO instant as a JSON string: quoted as it is when nothing in it needs escaping, as `formatInstant`'s never does. */
const instant = (iso: string | null): string =>
  iso === null ? 'null' : plain(iso) ? `"${iso}"` : JSON.stringify(iso);

/** Whether JSON.stringify would write `s` as it is, quoted: no quote, backslash, control character or surrogate. */
function plain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/**
 * A string from the configuration (ids, names, calendars) as JSON. The same few strings recur in every result,
 * so each is escaped once; the cache is bounded, since a long run could meet many issue-specific strings.
 */
function text(s: string): string {
  let json = escaped.get(s);
  if (json === undefined) {
    json = JSON.stringify(s);
    if (escaped.size < ESCAPED_MAX) escaped.set(s, json);
  }
  return json;
}
const escaped = new Map<string, string>();
const ESCAPED_MAX = 4096;
