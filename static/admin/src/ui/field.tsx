import type { ReactNode } from 'react';
import type { Problem } from '../../../../src/engine/errors';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { fieldId } from '../problems';

/** What a control needs to be labelled and described: its id, whether it is invalid, what describes it. */
export interface ControlProps {
  readonly id: string;
  readonly isInvalid: boolean;
  readonly 'aria-describedby': string | undefined;
}

/**
 * A labelled field: the label, the control, a help text, and its messages (local ones first, else the
 * backend's problems at its path), tied to the control with `aria-describedby` so that a screen reader reads
 * them with it. The control's id comes from its path, so that the error summary can move focus to it.
 */
export function Field(props: {
  readonly path: string;
  readonly label: string;
  readonly help?: ReactNode;
  /** Messages found in the browser (translated), shown instead of the backend's while there are any. */
  readonly errors?: readonly ReactNode[];
  /** The backend's problems at this path. */
  readonly problems?: readonly Problem[];
  readonly isRequired?: boolean;
  readonly children: (control: ControlProps) => ReactNode;
  readonly className?: string;
}) {
  const i18n = useT();
  const id = fieldId(props.path);
  const errors: readonly ReactNode[] =
    props.errors && props.errors.length > 0
      ? props.errors
      : (props.problems ?? []).map((p) => problemText(p, i18n));
  const helpId = props.help ? `${id}-help` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`accord-field ${props.className ?? ''}`} data-path={props.path}>
      <label className="accord-field__label" htmlFor={id}>
        {props.label}
        {props.isRequired ? (
          <span className="accord-field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {props.children({ id, isInvalid: errors.length > 0, 'aria-describedby': describedBy })}
      {errorId ? <FieldErrors id={errorId} errors={errors} /> : null}
      {helpId ? (
        <div id={helpId} className="accord-field__help">
          {props.help}
        </div>
      ) : null}
    </div>
  );
}

/** Messages under a field, in the danger colour, with an icon-free text that says what to fix. */
export function FieldErrors(props: { readonly id?: string; readonly errors: readonly ReactNode[] }) {
  if (props.errors.length === 0) return null;
  return (
    <ul id={props.id} className="accord-field__errors">
      {props.errors.map((e, i) => (
        <li key={i}>{e}</li>
      ))}
    </ul>
  );
}
