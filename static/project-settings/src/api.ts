import type { Agreement } from '../../../src/engine/agreement/types';
import type { Job, Version } from '../../../src/app/ports/store';
import type { PreviewOutcome, ProjectPreview } from '../../../src/app/resolvers/settings-routes';
import type { Failure, Reply } from '../../shared/api/reply';
import type { Backend } from '../../shared/backend';

/**
 * The routes the project settings page calls (src/app/resolvers/config-routes.ts, settings-routes.ts,
 * job-routes.ts), with their replies' shapes. A reply's outline is checked before the page trusts it; one in
 * another shape becomes a failure to show.
 */

export type { Agreement, Failure, Job, PreviewOutcome, ProjectPreview, Version };

export interface ProjectList {
  readonly projectKey: string;
  readonly agreementIds: readonly string[];
}

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isStrings: Check = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isAgreementVersion: Check = (v) =>
  isObject(v) &&
  typeof v.id === 'string' &&
  typeof v.version === 'number' &&
  (v.body === null || (isObject(v.body) && typeof v.body.name === 'string' && Array.isArray(v.body.metrics)));
const isProjectList: Check = (v) =>
  isObject(v) && typeof v.projectKey === 'string' && isStrings(v.agreementIds);
const isJob: Check = (v) => isObject(v) && typeof v.id === 'string' && typeof v.state === 'string';
const isPreview: Check = (v) =>
  isObject(v) &&
  typeof v.issues === 'number' &&
  Array.isArray(v.agreements) &&
  Array.isArray(v.rows) &&
  v.rows.every((r) => isObject(r) && Array.isArray(r.outcomes) && isStrings(r.before));

interface Routes {
  'agreements/list': { payload: Record<string, never>; reply: Version<Agreement>[] };
  'projects/get': { payload: { projectKey: string }; reply: ProjectList };
  'projects/save': {
    payload: { projectKey: string; agreementIds: readonly string[]; expected: readonly string[] };
    reply: ProjectList;
  };
  'projects/preview': {
    payload: { projectKey: string; agreementIds: readonly string[]; days: number };
    reply: ProjectPreview;
  };
  'jobs/start': {
    payload: { scope: { kind: 'project'; projectKey: string }; replaceCompleted: boolean };
    reply: Job;
  };
  'jobs/status': { payload: { jobId: string }; reply: Job };
}

const CHECKS: Readonly<Record<keyof Routes, Check>> = {
  'agreements/list': (v) => Array.isArray(v) && v.every(isAgreementVersion),
  'projects/get': isProjectList,
  'projects/save': isProjectList,
  'projects/preview': isPreview,
  'jobs/start': isJob,
  'jobs/status': isJob,
};

/** Calls a route and checks its reply's outline; never rejects. */
export async function call<R extends keyof Routes>(
  backend: Backend,
  route: R,
  payload: Routes[R]['payload'],
): Promise<Reply<Routes[R]['reply']>> {
  const reply = await backend.call(route, payload);
  if (!reply.ok) return reply;
  if (!CHECKS[route](reply.data)) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Accord's service answered ${route} in a shape this page does not know; reload the page.`,
      },
    };
  }
  return { ok: true, data: reply.data as Routes[R]['reply'] };
}
