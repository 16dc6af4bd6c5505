import type { SandboxApp } from '../app';
import type { JiraIssueBuilder } from '../jira/issue-model';
import type { Chrome, ChromePlainKey } from './chrome-text';
import { escapeHtml } from './html';

/**
 * An issue's history as Jira's activity shows it under "All": its changelog entries and its comments in one
 * list, oldest first, each with its author and local time. What Accord did (a label, a comment, an assignment
 * made by its `app` account) is marked as the app's, as Jira marks an app's changes.
 */

interface Author {
  readonly accountId?: string;
  readonly accountType?: string;
  readonly displayName?: string;
}

interface JiraComment {
  readonly id: string;
  readonly author?: Author;
  readonly body?: {
    readonly content?: readonly { readonly content?: readonly { readonly text?: string }[] }[];
  };
  readonly created: string;
  readonly jsdPublic?: boolean;
}

interface JiraHistory {
  readonly id: string;
  readonly created: string;
  readonly author?: Author;
  readonly items: readonly {
    readonly field: string;
    readonly fieldId?: string;
    readonly fieldtype?: string;
    readonly from?: string | null;
    readonly fromString?: string | null;
    readonly to?: string | null;
    readonly toString?: string | null;
  }[];
}

/** A comment's text: the paragraphs of its ADF body. */
const commentText = (c: JiraComment): string =>
  (c.body?.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n');

/** Jira's timestamps (`…+0000`) as instants, for ordering. */
const instant = (iso: string): number => Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

function authorHtml(app: SandboxApp, author: Author | undefined, c: Chrome): string {
  const known = author?.accountId === undefined ? undefined : app.site.user(author.accountId);
  const name = known?.displayName ?? author?.displayName ?? c.text('value.someone');
  const isApp = (known?.accountType ?? author?.accountType) === 'app';
  return `<strong>${escapeHtml(name)}</strong>${isApp ? ` <span class="tag app" data-testid="app-entry">${c.html('history.app')}</span>` : ''}`;
}

/** Fields whose changelog values are account ids: shown by the person's name on the site. */
const PEOPLE_FIELDS = new Set(['assignee', 'reporter']);

/**
 * Jira's own fields by the chrome's name for them: Jira's `names` would give them in the user's language, the
 * simulated site's are English. Any other field (Accord's, a team) goes by the name `names` gives it.
 */
const FIELD_NAMES: Readonly<Record<string, ChromePlainKey>> = {
  assignee: 'field.assignee',
  reporter: 'field.reporter',
  status: 'field.status',
  resolution: 'field.resolution',
  priority: 'field.priority',
  labels: 'field.labels',
  components: 'field.components',
};

/** One changelog item in words ("changed Labels from … to …"). */
function itemHtml(
  app: SandboxApp,
  names: Readonly<Record<string, string>>,
  item: JiraHistory['items'][number],
  c: Chrome,
): string {
  const id = item.fieldId ?? item.field;
  const person = (accountId: string | null | undefined, shown: string | null | undefined): string =>
    accountId === null || accountId === undefined
      ? (shown ?? '')
      : (app.site.user(accountId)?.displayName ?? shown ?? accountId);
  const people = PEOPLE_FIELDS.has(id);
  const from = people ? person(item.from, item.fromString) : (item.fromString ?? '');
  const to = people ? person(item.to, item.toString) : (item.toString ?? '');
  const value = (v: string): string =>
    `<span class="value">${v === '' ? c.html('value.none') : escapeHtml(v)}</span>`;
  const known = FIELD_NAMES[id];
  const field = known === undefined ? (names[id] ?? item.field) : c.text(known);
  return `<li>${c.html('history.changed', { field: `<em>${escapeHtml(field)}</em>`, from: value(from), to: value(to) })}</li>`;
}

/** The issue's history as an `<ol>` with the id `issue-activity`, for the issue page's activity slot. */
export function issueHistoryHtml(app: SandboxApp, issue: JiraIssueBuilder, c: Chrome): string {
  const comments = (issue.field('comment') as { comments?: JiraComment[] } | undefined)?.comments ?? [];
  const histories = issue.histories() as JiraHistory[];
  const names = (issue.json() as { names?: Record<string, string> }).names ?? {};
  const entries = [
    ...comments.map((comment) => ({
      at: comment.created,
      html: `<li class="entry comment${comment.jsdPublic === false ? ' internal' : ''}" data-testid="history-comment">
<div class="entry-head">${authorHtml(app, comment.author, c)} <span class="muted">${c.html('history.commented', { time: escapeHtml(c.jiraTime(comment.created)) })}</span>${comment.jsdPublic === false ? ` <span class="tag">${c.html('issue.internalNote')}</span>` : ''}</div>
<div class="comment-body">${escapeHtml(commentText(comment))}</div>
</li>`,
    })),
    ...histories.map((h) => ({
      at: h.created,
      html: `<li class="entry change" data-testid="history-change">
<div class="entry-head">${authorHtml(app, h.author, c)} <span class="muted">${c.html('history.madeChanges', { time: escapeHtml(c.jiraTime(h.created)) })}</span></div>
<ul class="items">${h.items.map((item) => itemHtml(app, names, item, c)).join('')}</ul>
</li>`,
    })),
  ];
  // A stable sort keeps a comment before the change made at the same instant, as the site records them.
  entries.sort((a, b) => instant(a.at) - instant(b.at));
  const list = entries.map((e) => e.html).join('\n');
  return `<ol id="issue-activity" class="history" data-testid="history">${list === '' ? `<li class="muted">${c.html('history.empty')}</li>` : list}</ol>`;
}
