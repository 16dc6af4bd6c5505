import Textfield from '@atlaskit/textfield';

/** A local date as the editors write it, `YYYY-MM-DD`. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date cell of a row of days (holidays, exception days): a labelled date input, described by the row's
 * messages (`errorId`, rendered by the row) while there are any.
 */
export function DateCell(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly errorId: string | undefined;
  readonly onChange: (date: string) => void;
}) {
  return (
    <span className="accord-rows__cell">
      <label className="accord-field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <Textfield
        id={props.id}
        type="date"
        autoComplete="off"
        width="small"
        value={props.value}
        isInvalid={props.errorId !== undefined}
        aria-describedby={props.errorId}
        onChange={(e) => {
          props.onChange(e.currentTarget.value);
        }}
      />
    </span>
  );
}
