/**
 * Type-level tests of the contract between the resolvers and the UIs (src/app/resolvers/contract.ts), compiled
 * by `npm run typecheck` and never run. Every `@ts-expect-error` must meet an error: if the contract loosens
 * (replies back to `unknown` or `any`, payloads to any record, route names to any string), the directive is
 * unused and the typecheck fails.
 */
import type { Backend } from '../backend';
import { fakeBackend } from '../testing/fake-backend';
import type { IssueMetrics } from './issue-metrics';
import type { PayloadOf, ReplyOf, RouteName } from './reply';
import type { RepliesAreJson, WireProblem } from '../../../src/app/resolvers/contract';

// The usual exact-equality test of two types: conditional types over a free T compare equal only for equal A and B.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(check: Equal<A, B>): Equal<A, B> => check;

/** Calls that must compile, and calls that must not. */
export async function callsAreTyped(backend: Backend): Promise<number | null> {
  // @ts-expect-error: no such route
  await backend.call('issue/metric', { issueId: '10042' });
  // @ts-expect-error: the route's payload needs an issue id
  await backend.call('issue/metrics', {});
  // @ts-expect-error: an issue id is a string of digits, not a number
  await backend.call('issue/metrics', { issueId: 10042 });
  // @ts-expect-error: a field the route's schema does not have
  await backend.call('portal/commitments', { issueId: '10042', projectKey: 'IT' });
  // A field with a default may be left out.
  await backend.call('jobs/list', {});
  const reply = await backend.call('issue/metrics', { issueId: '10042' });
  if (!reply.ok) return null;
  // @ts-expect-error: the reply is the route's own type, not `any`: it has no such field
  const verdict: unknown = reply.data.verdict;
  if (verdict !== undefined) return null;
  return reply.data.evaluatedAt;
}

/** The derived types are the handlers' own. */
export const derived = [
  same<ReplyOf<'issue/metrics'>, IssueMetrics>(true),
  same<PayloadOf<'people/names'>, { readonly accountIds: readonly string[] }>(true),
  same<RouteName extends string ? (string extends RouteName ? 'loose' : 'exact') : never, 'exact'>(true),
  same<RepliesAreJson, never>(true),
  same<WireProblem<{ readonly at: string; readonly n: number[] }>, never>(true),
  // A Date would reach the browser as a string: the check names it.
  same<WireProblem<{ readonly at: Date }>, Date>(true),
] as const;

/** A test's fake answers each route with that route's reply. */
export const fakeAnswersAreTyped = [
  fakeBackend({
    // @ts-expect-error: the reply of another route (portal/commitments) where issue/metrics is asked
    'issue/metrics': () => ({ ok: true, data: { issueId: '10042', commitments: [] } }),
  }),
  fakeBackend({
    'issue/adjustments': ({ issueId }) => ({ ok: true, data: { issueId, adjustments: [], canAdjust: [] } }),
  }),
];
