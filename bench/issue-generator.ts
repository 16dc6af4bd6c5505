/**
 * Realistic Jira Service Management issues for the command-line benchmark: each one walks a help-desk
 * workflow (Waiting for support → In Progress ⇄ Waiting for customer → Resolved, sometimes reopened), with
 * priority changes, assignees, a Team custom field handing the issue to the second level and back, and
 * comments by the customer, agents, an app, and internal notes. About ten changelog entries each.
 */
import { offsetAt } from '../src/engine/time/zone';
import type { IanaZone } from '../src/engine/time/units';
import { JiraIssueBuilder } from '../test/support/jira-issue';
import { between, pick, type Random } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BERLIN = 'Europe/Berlin' as IanaZone;

/** Issues are created over eight months of 2026; nothing happens after `latest`. */
export interface IssueWindow {
  readonly createdFrom: number;
  readonly createdTo: number;
  readonly latest: number;
  /** Every issue ends resolved (a storage sample models issues that close); otherwise about one in eight stays open. */
  readonly resolveAll?: boolean;
}

const PRIORITIES = [
  'Highest',
  'High',
  'High',
  'Medium',
  'Medium',
  'Medium',
  'Medium',
  'Low',
  'Low',
  'Lowest',
];
const AGENTS = ['alex-agent', 'bea-agent', 'chen-agent', 'dana-agent'];
const TEAM_FIELD = 10050;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An instant as Jira writes it for a Berlin user: `2026-03-02T08:47:12.345+0100`. */
export function jiraInstant(t: number): string {
  const offset = offsetAt(BERLIN, t);
  const local = new Date(t + offset);
  const minutes = Math.abs(offset) / MINUTE;
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`
  );
}

/** Time until the next step: mostly minutes to a few hours, sometimes a day or two (a customer's reply). */
function gap(random: Random): number {
  const r = random();
  if (r < 0.5) return Math.floor(random() * 90 * MINUTE) + 1000;
  if (r < 0.85) return Math.floor(random() * 8 * HOUR) + MINUTE;
  return Math.floor(random() * 48 * HOUR) + HOUR;
}

/**
 * One issue's Jira JSON (`expand=changelog` with comments), key `IT-<n>`.
 * @example generateIssue(seeded(1), 1, window) // { key: 'IT-1', fields: { … }, changelog: { … } }
 */
export function generateIssue(random: Random, n: number, window: IssueWindow): Record<string, unknown> {
  const created = window.createdFrom + Math.floor(random() * (window.createdTo - window.createdFrom));
  let priority = pick(random, PRIORITIES);
  const issue = new JiraIssueBuilder(`IT-${n}`, jiraInstant(created), {
    status: 'Waiting for support',
    priority,
    labels: random() < 0.3 ? ['vpn', 'hamburg'] : [],
  });
  let t = created;
  const next = (): string => {
    t += gap(random);
    return jiraInstant(t);
  };
  const target = between(random, 10, 16);
  // The issue's state as the walk goes on (an object, as the steps below change it from closures).
  const state: { entries: number; status: string; assignee: string | null; team: string | null } = {
    entries: 0,
    status: 'Waiting for support',
    assignee: null,
    team: null,
  };
  const setStatus = (to: string): void => {
    issue.status(next(), to);
    state.status = to;
    state.entries++;
  };
  const setTeam = (to: string): void => {
    issue.customField(next(), TEAM_FIELD, 'Team', to);
    state.team = to;
    state.entries++;
  };
  const assign = (): void => {
    state.assignee = pick(
      random,
      AGENTS.filter((a) => a !== state.assignee),
    );
    issue.assign(next(), state.assignee);
    state.entries++;
  };
  const changePriority = (): void => {
    priority = pick(
      random,
      PRIORITIES.filter((p) => p !== priority),
    );
    issue.priority(next(), priority);
    state.entries++;
  };
  const resolve = (): void => {
    issue.comment(next(), 'agent');
    issue.resolve(next());
    state.status = 'Resolved';
    state.entries++;
  };

  while (state.entries < target && t < window.latest - 3 * 24 * HOUR) {
    const r = random();
    if (state.status === 'Waiting for support') {
      if (state.assignee === null) assign();
      else if (state.team === null && r < 0.6) setTeam('First Level');
      else if (r < 0.15) changePriority();
      else setStatus('In Progress');
    } else if (state.status === 'In Progress') {
      if (r < 0.3) {
        issue.comment(next(), 'agent');
        setStatus('Waiting for customer');
      } else if (r < 0.45 && state.team !== 'Second Level') {
        issue.comment(next(), 'internal');
        setTeam('Second Level');
      } else if (r < 0.55) {
        issue.comment(next(), 'internal');
        if (random() < 0.5) issue.comment(next(), 'app');
        changePriority();
      } else if (r < 0.65) assign();
      else if (r < 0.75 && state.team === 'Second Level') setTeam('First Level');
      else if (r < 0.85) resolve();
      else {
        issue.comment(next(), 'agent');
        setStatus('Waiting for support');
      }
    } else if (state.status === 'Waiting for customer') {
      // The customer answers (sometimes after an app's reminder, or a colleague does).
      if (r < 0.2) issue.comment(next(), 'app');
      issue.comment(next(), r > 0.95 ? 'other-customer' : 'customer');
      setStatus('Waiting for support');
    } else if (r < 0.15) {
      issue.comment(next(), 'customer');
      issue.reopen(next());
      state.status = 'In Progress';
      state.entries++;
    } else break;
  }
  // Most issues end resolved; the others are still open when they are evaluated.
  if (state.status !== 'Resolved' && (window.resolveAll === true || random() < 0.7)) resolve();
  return issue.json();
}
