import type { Agreement, Metric } from '../../../../src/engine/agreement/types';
import { slugOf } from '../dates';
import { without } from '../omit';

/** A new metric: from creation to resolution, one goal on the given calendar. */
export function blankMetric(calendar: string, name = ''): Metric {
  return {
    id: slugOf(name),
    name,
    start: [{ event: 'created' }],
    stop: [{ event: 'resolution', change: 'set' }],
    goals: [{ targetMinutes: 480, calendar, objectivePercent: 95 }],
  };
}

/** A new SLA with one metric, on the first calendar there is. */
export function blankAgreement(calendar: string, metricName: string): Agreement {
  return { id: '', name: '', kind: 'SLA', metrics: [blankMetric(calendar, metricName)] };
}

const OPTIONAL_TEXT = ['counterparty', 'validFrom', 'validTo', 'reviewBy', 'appliesTo'] as const;

/**
 * What is sent: names trimmed, empty optional texts left out, a metric without an id given one from its name,
 * `customerVisible` only on an SLA. Everything else (fields this page does not edit, such as reporting terms)
 * goes back as it came.
 */
export function cleanedAgreement(draft: Agreement): Agreement {
  let out: Agreement = { ...draft, id: draft.id.trim(), name: draft.name.trim() };
  for (const key of OPTIONAL_TEXT) {
    const value = out[key];
    if (value === undefined) continue;
    out = value.trim() === '' ? without(out, key) : { ...out, [key]: value.trim() };
  }
  if (out.kind !== 'SLA' || out.customerVisible === false) out = without(out, 'customerVisible');
  const used = new Set<string>();
  out.metrics = draft.metrics.map((m, i) => {
    let id = m.id.trim() || slugOf(m.name) || `metric-${i + 1}`;
    while (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    return { ...m, id, name: m.name.trim() };
  });
  return out;
}

/**
 * The project lists to write after a save, for the projects whose list changes: the agreement added at the end
 * of a project that now uses it, taken out of one that no longer does, each with the list it replaces.
 * @example placementChanges('gold', ['IT'], [{ projectKey: 'IT', agreementIds: [] }]) // [{ projectKey: 'IT', agreementIds: ['gold'], expected: [] }]
 */
export function placementChanges(
  agreementId: string,
  projects: readonly string[],
  placements: readonly { readonly projectKey: string; readonly agreementIds: readonly string[] }[],
): PlacementChange[] {
  const wanted = new Set(projects.map((p) => p.trim().toUpperCase()).filter((p) => p !== ''));
  const out: PlacementChange[] = [];
  for (const p of placements) {
    const has = p.agreementIds.includes(agreementId);
    const should = wanted.has(p.projectKey.toUpperCase());
    wanted.delete(p.projectKey.toUpperCase());
    const expected = [...p.agreementIds];
    if (has && !should)
      out.push({
        projectKey: p.projectKey,
        agreementIds: p.agreementIds.filter((a) => a !== agreementId),
        expected,
      });
    if (!has && should)
      out.push({ projectKey: p.projectKey, agreementIds: [...p.agreementIds, agreementId], expected });
  }
  for (const projectKey of wanted) out.push({ projectKey, agreementIds: [agreementId], expected: [] });
  return out;
}

/**
 * A project's new list of agreements, with the list it replaces as the page loaded it: the backend refuses the
 * change if someone changed the list meanwhile, rather than undo their change.
 */
export interface PlacementChange {
  readonly projectKey: string;
  readonly agreementIds: string[];
  readonly expected: string[];
}

/** The projects that use an agreement. */
export const projectsOf = (
  agreementId: string,
  placements: readonly { readonly projectKey: string; readonly agreementIds: readonly string[] }[],
): string[] => placements.filter((p) => p.agreementIds.includes(agreementId)).map((p) => p.projectKey);
