import type { Problem } from '../../engine/errors';

/**
 * Every resolver reply has one shape, with stable error codes the UIs switch on; the message is for people and
 * never a stack trace.
 */
export type ErrorCode =
  | 'invalid-payload'
  | 'invalid-config'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'in-use'
  | 'jira-error'
  | 'internal';

/** A reason whose sentence needs no values. */
type None = Readonly<Record<string, never>>;

/**
 * Why a call was refused, as a stable reason, and the values a sentence about it needs. The UIs word a refusal
 * in the user's language from these (static/shared/i18n/refusal-text.ts); the English `message` beside them is
 * for logs and API clients. A new reason fails to compile until every UI words it.
 */
export interface RefusalParams {
  /** A JSM customer on an agent or admin route. */
  readonly 'licensed-only': None;
  readonly 'admin-only': None;
  readonly 'project-admin-only': { readonly projectKey: string };
  readonly 'issue-not-visible': None;
  /** A report over every project, asked for by someone who is not a Jira admin. */
  readonly 'report-admin-only': None;
  readonly 'project-not-visible': { readonly projectKey: string };
  /** The portal: the caller is neither the request's reporter nor a participant. */
  readonly 'request-not-shared': None;
  /** Extending or excusing: only Jira admins and the agreement's `groups` (none: admins only). */
  readonly 'adjuster-only': { readonly groups: readonly string[] };
  /** The item was saved by someone else since it was loaded; `version` is the one stored now. */
  readonly 'version-conflict': { readonly kind: 'calendar' | 'agreement'; readonly version: number };
  /** Two saves from the same version at once: the other won. */
  readonly 'version-race': { readonly kind: 'calendar' | 'agreement' };
  readonly 'placement-conflict': { readonly projectKey: string };
  readonly 'calendar-unknown': { readonly id: string; readonly version?: number };
  readonly 'calendar-invalid': None;
  /** `agreements`: the names (or ids) of the agreements that use it. */
  readonly 'calendar-in-use': { readonly id: string; readonly agreements: readonly string[] };
  readonly 'ics-unreadable': None;
  readonly 'agreement-unknown': { readonly ids: readonly string[]; readonly version?: number };
  readonly 'agreement-invalid': None;
  /** The agreement's JQL names a field the site does not have (the problems say where). */
  readonly 'agreement-fields-unknown': None;
  readonly 'draft-invalid': None;
  readonly 'draft-fields-unknown': None;
  readonly 'draft-uncompilable': None;
  readonly 'agreements-incompatible': None;
  readonly 'configuration-invalid': None;
  readonly 'metric-unknown': { readonly agreementId: string; readonly metricId: string };
  readonly 'job-unknown': { readonly jobId: string };
  readonly 'jql-invalid': None;
  readonly 'cursor-invalid': None;
  readonly 'holiday-years': { readonly max: number; readonly fromYear: number; readonly toYear: number };
  readonly 'holiday-region-unknown': { readonly region: string };
  readonly 'time-zone-unknown': { readonly zone: string };
  readonly 'date-invalid': { readonly text: string };
  readonly 'issue-not-measured': None;
  readonly 'agreement-not-applicable': { readonly agreementId: string };
  readonly 'metric-not-measured': { readonly agreementId: string; readonly metricId: string };
  readonly 'metric-gone': { readonly metricId: string };
  readonly 'cycle-not-running': { readonly metricId: string };
  readonly 'cycle-without-target': { readonly metricId: string };
  readonly 'cycle-unknown': { readonly metricId: string };
  readonly 'cycle-not-breached': None;
  readonly 'breach-excused': None;
  readonly 'clock-paused': None;
  readonly 'extension-not-after-deadline': { readonly deadline: string };
  /** The dispatcher's own: no such route, a payload its schema refuses (`path`: the first problem's, or ''). */
  readonly 'route-unknown': { readonly route: string };
  readonly 'payload-invalid': { readonly route: string; readonly path: string };
  /** Jira failed; `detail` is its own words. */
  readonly 'jira-failed': { readonly detail: string };
  readonly 'internal-error': { readonly detail: string };
  /** The Forge handler's, before any route: the call came with no account; the app's tables are not ready yet. */
  readonly 'caller-unknown': None;
  readonly 'setting-up': None;
  /** The UIs' own, never the server's: the call did not reach a resolver (the bridge or network failed). */
  readonly unreachable: { readonly detail: string };
}

export type RefusalReason = keyof RefusalParams;

/** Each reason's error code: a UI that does not know a reason still knows what kind of failure it is. */
export const REFUSAL_CODES: Readonly<Record<RefusalReason, ErrorCode>> = {
  'licensed-only': 'forbidden',
  'admin-only': 'forbidden',
  'project-admin-only': 'forbidden',
  'issue-not-visible': 'forbidden',
  'report-admin-only': 'forbidden',
  'project-not-visible': 'forbidden',
  'request-not-shared': 'forbidden',
  'adjuster-only': 'forbidden',
  'version-conflict': 'conflict',
  'version-race': 'conflict',
  'placement-conflict': 'conflict',
  'calendar-unknown': 'not-found',
  'calendar-invalid': 'invalid-config',
  'calendar-in-use': 'in-use',
  'ics-unreadable': 'invalid-config',
  'agreement-unknown': 'not-found',
  'agreement-invalid': 'invalid-config',
  'agreement-fields-unknown': 'invalid-config',
  'draft-invalid': 'invalid-config',
  'draft-fields-unknown': 'invalid-config',
  'draft-uncompilable': 'invalid-config',
  'agreements-incompatible': 'invalid-config',
  'configuration-invalid': 'invalid-config',
  'metric-unknown': 'not-found',
  'job-unknown': 'not-found',
  'jql-invalid': 'invalid-payload',
  'cursor-invalid': 'invalid-payload',
  'holiday-years': 'invalid-payload',
  'holiday-region-unknown': 'invalid-payload',
  'time-zone-unknown': 'invalid-payload',
  'date-invalid': 'invalid-payload',
  'issue-not-measured': 'not-found',
  'agreement-not-applicable': 'not-found',
  'metric-not-measured': 'not-found',
  'metric-gone': 'not-found',
  'cycle-not-running': 'conflict',
  'cycle-without-target': 'conflict',
  'cycle-unknown': 'not-found',
  'cycle-not-breached': 'conflict',
  'breach-excused': 'conflict',
  'clock-paused': 'conflict',
  'extension-not-after-deadline': 'invalid-payload',
  'route-unknown': 'not-found',
  'payload-invalid': 'invalid-payload',
  'jira-failed': 'jira-error',
  'internal-error': 'internal',
  'caller-unknown': 'forbidden',
  'setting-up': 'internal',
  unreachable: 'internal',
};

/** A reason with its values, typed together: narrowing on `reason` types `params`. */
export type Refused = {
  [R in RefusalReason]: { readonly reason: R; readonly params: RefusalParams[R] };
}[RefusalReason];

/** The failure half of the envelope: the code, the reason and its values, the English message, any problems. */
export type Failure = {
  readonly code: ErrorCode;
  readonly message: string;
  readonly problems?: readonly Problem[];
} & Refused;

export type Reply<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: Failure };

/**
 * An expected refusal, thrown inside a route and turned into its reply by the dispatcher; its code follows
 * from its reason ({@link REFUSAL_CODES}).
 * @example throw new Refusal('job-unknown', { jobId }, `No job "${jobId}".`);
 */
export class Refusal<R extends RefusalReason = RefusalReason> extends Error {
  readonly code: ErrorCode;
  constructor(
    readonly reason: R,
    readonly params: RefusalParams[R],
    message: string,
    readonly problems?: readonly Problem[],
  ) {
    super(message);
    this.name = 'Refusal';
    this.code = REFUSAL_CODES[reason];
  }

  /** The reply's failure. */
  failure(): Failure {
    return {
      code: this.code,
      reason: this.reason,
      params: this.params,
      message: this.message,
      ...(this.problems ? { problems: this.problems } : {}),
    } as Failure;
  }
}

/** A failure of the dispatcher's own (not thrown by a route), with its code from its reason. */
export function failure<R extends RefusalReason>(
  reason: R,
  params: RefusalParams[R],
  message: string,
  problems?: readonly Problem[],
): Failure {
  return new Refusal(reason, params, message, problems).failure();
}

export const success = <T>(data: T): Reply<T> => ({ ok: true, data });
