import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { ControlProps } from './field';

/**
 * A list typed as text, `In Progress, Waiting for support`: the admin's text stays as typed (a trailing comma
 * while typing the next value), the draft gets the trimmed values.
 */
export function ListInput(props: {
  readonly control: ControlProps;
  readonly value: readonly string[] | undefined;
  readonly onChange: (values: string[] | undefined) => void;
}) {
  const [text, setText] = useState(() => (props.value ?? []).join(', '));
  const parse = (t: string) =>
    t
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  // The draft changed elsewhere (a restore, a reset): show its values.
  const shown = sameList(parse(text), props.value ?? []) ? text : (props.value ?? []).join(', ');
  return (
    <Textfield
      {...props.control}
      autoComplete="off"
      value={shown}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const values = parse(next);
        props.onChange(values.length > 0 ? values : undefined);
      }}
    />
  );
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * A number typed as text: the draft gets the number, or undefined while the text is empty or not a number
 * (`invalid` tells the caller, to say so).
 */
export function NumberInput(props: {
  readonly control: ControlProps;
  readonly value: number | undefined;
  readonly onChange: (value: number | undefined, invalid: boolean) => void;
  readonly min?: number;
  readonly max?: number;
  readonly width?: 'xsmall' | 'small' | 'medium';
  readonly elemAfterInput?: React.ReactNode;
}) {
  // A caller may keep NaN for "not a number yet" (the business days of a goal): that is no number to show,
  // or a person who empties the field would see "NaN" and type after it.
  const value = props.value === undefined || Number.isNaN(props.value) ? undefined : props.value;
  const [text, setText] = useState(() => (value === undefined ? '' : String(value)));
  const parsed = parseNumber(text);
  const shown =
    parsed === value || (parsed === undefined && value === undefined) ? text : String(value ?? '');
  return (
    <Textfield
      {...props.control}
      autoComplete="off"
      inputMode="decimal"
      width={props.width ?? 'small'}
      value={shown}
      {...(props.elemAfterInput ? { elemAfterInput: props.elemAfterInput } : {})}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const n = parseNumber(next);
        props.onChange(n, next.trim() !== '' && n === undefined);
      }}
    />
  );
}

/** `12`, `12.5`, `12,5` → a number; anything else undefined. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}
