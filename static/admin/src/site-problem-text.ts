import type { ProblemDetail } from '../../../src/engine/errors';
import { SITE_CODES, type CheckedValueField } from '../../../src/engine/jql';
import type { AdminI18n, AdminKey } from './messages';

const KINDS: Readonly<Record<CheckedValueField, AdminKey>> = {
  status: 'jql.site.kinds.status',
  priority: 'jql.site.kinds.priority',
  requestType: 'jql.site.kinds.requestType',
  project: 'jql.site.kinds.project',
};

/**
 * A problem of the JQL check against the site (an unknown field, an unknown value) in the user's language,
 * with the nearest names quoted as the language quotes and listed as it lists alternatives ("a" or "b").
 * Undefined for any other problem, or a detail this page does not know.
 * @example siteProblemText({ key: 'jql.unknown-field', values: { field: 'stauts', count: 1, nearest0: 'status' } }, de)
 * // 'Unbekanntes Feld „stauts“; meinten Sie „status“?'
 */
export function siteProblemText(detail: ProblemDetail, { t, locale }: AdminI18n): string | undefined {
  const values = detail.values;
  const nearest: string[] = [];
  for (let i = 0; i < Number(values.count ?? 0); i++) {
    const name = values[`nearest${i}`];
    if (typeof name === 'string') nearest.push(t('jql.site.quoted', { name }));
  }
  const near = nearest.length > 0;
  const list = new Intl.ListFormat(locale, { type: 'disjunction' }).format(nearest);
  switch (detail.key) {
    case SITE_CODES.unknownField: {
      const field = values.field;
      if (typeof field !== 'string') return undefined;
      return near
        ? t('jql.site.unknownFieldNear', { field, nearest: list })
        : t('jql.site.unknownField', { field });
    }
    case SITE_CODES.unknownValue: {
      const kind =
        typeof values.field === 'string' && Object.hasOwn(KINDS, values.field) ? values.field : null;
      const value = values.value;
      if (kind === null || typeof value !== 'string') return undefined;
      const named = { kind: t(KINDS[kind as CheckedValueField]), value };
      return near
        ? t('jql.site.unknownValueNear', { ...named, nearest: list })
        : t('jql.site.unknownValue', named);
    }
    default:
      return undefined;
  }
}
