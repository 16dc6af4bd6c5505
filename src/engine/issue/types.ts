/**
 * The shapes of an issue's history: the events agreements' conditions listen to, and the plain data a history
 * is stored as (docs/engine-contract.md, "Issue input").
 */
import type { FieldKey } from '../fields';
import type { EpochMs } from '../time/units';

/** Jira's three status categories, by the key its REST API uses (`To Do`, `In Progress`, `Done`). */
export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

/**
 * A status as a changelog names it. `category` is absent when neither the statuses catalog nor the issue's
 * current status tells it (a status deleted since, or no catalog given).
 */
export interface StatusRef {
  readonly id?: string;
  readonly name: string;
  readonly category?: StatusCategoryKey;
}

/** Who wrote a comment: the customer (or the reporter), an agent, or an app such as Automation for Jira. */
export type CommentBy = 'agent' | 'customer' | 'app';
export type AssigneeChange = 'set' | 'cleared' | 'changed';
export type ResolutionChange = 'set' | 'cleared';

/**
 * One thing that happened to an issue. A changelog entry gives one event per status, assignee and resolution
 * item, and one `field` event per field whose value it changed (status included), in changelog order.
 */
export type IssueEvent =
  | { readonly kind: 'created'; readonly at: EpochMs }
  | { readonly kind: 'status'; readonly at: EpochMs; readonly from: StatusRef | null; readonly to: StatusRef }
  | {
      readonly kind: 'comment';
      readonly at: EpochMs;
      readonly id: string;
      readonly by: CommentBy;
      /** False for a JSM internal note (`jsdPublic: false`). */
      readonly public: boolean;
    }
  | { readonly kind: 'assignee'; readonly at: EpochMs; readonly change: AssigneeChange }
  | { readonly kind: 'resolution'; readonly at: EpochMs; readonly change: ResolutionChange }
  | {
      readonly kind: 'field';
      readonly at: EpochMs;
      /** The field's main key: its system key if it has one, else `customfield_N`, else `name:…`. */
      readonly field: FieldKey;
      /** Every key the field answers to (system key, `customfield_N`, `name:<lower-cased name>`). */
      readonly names: readonly FieldKey[];
      /** Lower-cased values and aliases before the change; [] if the field was empty. */
      readonly from: readonly string[];
      /** Lower-cased values and aliases after the change; [] if it was cleared. */
      readonly to: readonly string[];
    };

// ── Stored form ───────────────────────────────────────────────────────────────────────────────────────────

/** The version of {@link IssueHistoryData}; a reader seeing another one must re-read the issue from Jira. */
export const ISSUE_HISTORY_DATA_VERSION = 1;

/**
 * One field's values over time. `values[0]` is in force from the issue's creation, `values[i + 1]` from
 * `at[i]`. Values are lower-cased and carry every alias (see `FieldValues` in `fields.ts`).
 */
export interface FieldTimelineData {
  /** Every key the field answers to; the first is its main key. */
  readonly keys: readonly FieldKey[];
  /** Instants of the changes, ascending; equal instants keep changelog order (the last one wins). */
  readonly at: readonly number[];
  readonly values: readonly (readonly string[])[];
}

/** An {@link IssueEvent} as stored: instants are plain numbers, a field change points into the timelines. */
export type IssueEventData =
  | { readonly kind: 'created'; readonly at: number }
  | { readonly kind: 'status'; readonly at: number; readonly from: StatusRef | null; readonly to: StatusRef }
  | {
      readonly kind: 'comment';
      readonly at: number;
      readonly id: string;
      readonly by: CommentBy;
      readonly public: boolean;
    }
  | { readonly kind: 'assignee'; readonly at: number; readonly change: AssigneeChange }
  | { readonly kind: 'resolution'; readonly at: number; readonly change: ResolutionChange }
  | {
      readonly kind: 'field';
      readonly at: number;
      /** Index into {@link IssueHistoryData.fields}. */
      readonly field: number;
      /** Index into that field's `at`: the change is `values[change]` → `values[change + 1]`. */
      readonly change: number;
    };

/**
 * An issue's normalized history: plain JSON, a few hundred bytes for a typical issue, enough to re-evaluate
 * every agreement without asking Jira again. Fields that were empty all along are left out.
 */
export interface IssueHistoryData {
  readonly v: typeof ISSUE_HISTORY_DATA_VERSION;
  readonly key: string;
  readonly id: string;
  /** Epoch milliseconds. */
  readonly created: number;
  readonly fields: readonly FieldTimelineData[];
  /** Sorted by instant; see {@link IssueEvent}. */
  readonly events: readonly IssueEventData[];
  /**
   * Every custom field the issue's JSON carried, empty or not, as `customfield_N` and (from `names`) as
   * `name:<lower-cased name>`: so a later agreement that reads a field can tell "empty" from "never read".
   */
  readonly known?: readonly string[];
  /** The JSM satisfaction rating (1–5) the customer gave, if any: reports show it beside compliance. */
  readonly satisfaction?: number;
  /**
   * What product events added since the issue was last read in full (the app keeps it; see `apply-change.ts`):
   * `through`, the issue's `updated` at that read (every change before it is in the history), and the ids of
   * the changelog entries applied since, oldest first, at most {@link MAX_APPLIED}, so that an event delivered
   * twice is told from one delivered late. A full read has none.
   */
  readonly applied?: { readonly through: number; readonly ids: readonly string[] };
  /**
   * The kinds of account (`atlassian`, `customer`, `app`) of people the issue named when it was read in full
   * (reporter, assignee, creator, changelog and comment authors) or who commented since, by account id, at most
   * {@link MAX_ACCOUNTS}: so that a new comment by one of them is typed with no call to Jira (the app keeps it;
   * a fact about accounts, not part of the history a full read must reproduce).
   */
  readonly accounts?: Readonly<Record<string, string>>;
}

/** How many account kinds a history remembers. */
export const MAX_ACCOUNTS = 50;

/** How many applied entries a history remembers; an older event not among them makes the app read in full. */
export const MAX_APPLIED = 16;
