/**
 * An agreement's JQL checked against the site it runs on: `appliesTo`, each metric's `pauseWhile`, each goal's
 * `when` and each availability objective's `incidentJql`. Pure: the agreement and the site's vocabulary in,
 * errors (unknown fields) and warnings (unknown values) out, each at its JSON path and JQL column.
 */
import { joinPath, type Problem } from '../errors';
import { parseJqlExpr } from '../jql';
import { checkJqlOnSite, type SiteCheck } from '../jql/site-check';
import type { JqlVocabulary } from '../jql/vocabulary';
import type { Agreement } from './types';

/**
 * Checks every JQL of an agreement that passed validation against the site's vocabulary. A text that does not
 * parse is left to validation, which refuses it with its own problem.
 * @example
 * checkAgreementOnSite({ ...gold, appliesTo: 'project = IT AND stauts = Open' }, site, '$.agreement').errors
 * // [{ code: 'jql.unknown-field', path: '$.agreement.appliesTo', column: 18, … }]
 */
export function checkAgreementOnSite(agreement: Agreement, vocabulary: JqlVocabulary, path = '$'): SiteCheck {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const check = (text: string | undefined, at: string): void => {
    if (text === undefined) return;
    const parsed = parseJqlExpr(text);
    if (!parsed.ok) return;
    const found = checkJqlOnSite(parsed.value, vocabulary);
    const placed = (p: Problem): Problem => ({ ...p, path: at, message: `${p.message} in "${text}"` });
    errors.push(...found.errors.map(placed));
    warnings.push(...found.warnings.map(placed));
  };
  check(agreement.appliesTo, joinPath(path, 'appliesTo'));
  agreement.metrics.forEach((metric, m) => {
    const mPath = joinPath(joinPath(path, 'metrics'), m);
    check(metric.pauseWhile, joinPath(mPath, 'pauseWhile'));
    metric.goals.forEach((goal, g) => {
      check(goal.when, joinPath(joinPath(joinPath(mPath, 'goals'), g), 'when'));
    });
  });
  (agreement.availability ?? []).forEach((objective, i) => {
    check(objective.incidentJql, joinPath(joinPath(joinPath(path, 'availability'), i), 'incidentJql'));
  });
  return { errors, warnings };
}
