import { useT } from '../messages';
import { DateInput } from '../ui/date-input';

/** A local date as the editors write it, `YYYY-MM-DD`. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date cell of a row of days (holidays, exception days): a labelled date input in the user's Jira locale,
 * described by the row's messages (`errorId`, rendered by the row) while there are any.
 */
export function DateCell(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly errorId: string | undefined;
  readonly onChange: (date: string) => void;
}) {
  const { locale } = useT();
  return (
    <span className="accord-rows__cell">
      <label className="accord-field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <DateInput
        control={{
          id: props.id,
          isInvalid: props.errorId !== undefined,
          'aria-describedby': props.errorId,
        }}
        locale={locale}
        value={props.value}
        onChange={props.onChange}
      />
    </span>
  );
}
