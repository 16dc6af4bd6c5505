import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import { formatLocalDate, parseLocalDate } from '../../../shared/format/local-date';
import type { ControlProps } from './field';

/**
 * A date typed in the user's Jira locale (`31.12.2026` in German, `12/31/2026` in American English) or as ISO,
 * stored as `YYYY-MM-DD`. The browser's own date input follows the browser's language, not Jira's, so the admin
 * would read and type dates in another order than everywhere else in Accord.
 *
 * `onChange` gets the ISO date once the text is one, `''` when it is emptied, and the text as typed while it is
 * no date, so that the caller's check (or the backend's) can say so at the field, with an example of the form
 * (`localDateExample`): no placeholder, which a screen reader may not read and which vanishes on typing.
 */
export function DateInput(props: {
  readonly control: ControlProps;
  readonly locale: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  const [text, setText] = useState(() => formatLocalDate(props.value, props.locale));
  const sent = (t: string): string => parseLocalDate(t, props.locale) ?? t.trim();
  // The value changed elsewhere (a restore, a reset): show it.
  const shown = sent(text) === props.value ? text : formatLocalDate(props.value, props.locale);
  return (
    <Textfield
      {...props.control}
      autoComplete="off"
      inputMode="numeric"
      width="small"
      value={shown}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        props.onChange(sent(next));
      }}
      onBlur={() => {
        // What was typed as `2.3.2026` reads back as `02.03.2026`.
        const date = parseLocalDate(shown, props.locale);
        if (date !== null) setText(formatLocalDate(date, props.locale));
      }}
    />
  );
}
