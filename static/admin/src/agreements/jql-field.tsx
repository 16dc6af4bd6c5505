import Textfield from '@atlaskit/textfield';
import type { ReactNode } from 'react';
import type { Problem } from '../../../../src/engine/errors';
import { Field } from '../ui/field';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { checkJql } from './jql-check';
import { useSiteWarnings } from './site-warnings';

/**
 * A JQL condition (`appliesTo`, a goal's `when`, `pauseWhile`), checked as the admin types with the engine's
 * own parser: the column and what was expected show under the field, with the query and the place marked.
 * Blank means every issue.
 */
export function JqlField(props: {
  readonly path: string;
  readonly label: string;
  readonly value: string | undefined;
  readonly onChange: (value: string | undefined) => void;
  readonly problems: readonly Problem[];
  readonly help?: ReactNode;
}) {
  const i18n = useT();
  const { t } = i18n;
  const text = props.value ?? '';
  const issue = checkJql(text);
  // What the last save found against the site that does not block it (a value the site does not have): shown
  // with the help, which the control is described by, not as an error.
  const warnings = useSiteWarnings(props.path, props.value);
  const help =
    warnings.length === 0 ? (
      props.help
    ) : (
      <>
        <ul className="accord-field__warnings">
          {warnings.map((w, i) => (
            <li key={i}>
              {t('jql.site.warning', {
                message:
                  w.column === undefined
                    ? problemText(w, i18n)
                    : t('jql.at', { column: w.column, message: problemText(w, i18n) }),
              })}
            </li>
          ))}
        </ul>
        {props.help}
      </>
    );
  const errors = issue
    ? [
        <span key="jql" className="accord-jql-error">
          <span>{t('jql.at', { column: issue.column, message: problemText(issue.problem, i18n) })}</span>
          <span className="accord-jql-error__where accord-mono" aria-hidden="true">
            {issue.before}
            <mark className="accord-jql-error__mark">{issue.at}</mark>
            {issue.after}
          </span>
        </span>,
      ]
    : // The backend's problems, with the column where the query names one (an unknown field).
      props.problems.map((p) =>
        p.column === undefined
          ? problemText(p, i18n)
          : t('jql.at', { column: p.column, message: problemText(p, i18n) }),
      );
  return (
    <Field path={props.path} label={props.label} help={help} errors={errors} problems={props.problems}>
      {(c) => (
        <Textfield
          {...c}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            const next = e.currentTarget.value;
            props.onChange(next.trim() === '' ? undefined : next);
          }}
        />
      )}
    </Field>
  );
}
