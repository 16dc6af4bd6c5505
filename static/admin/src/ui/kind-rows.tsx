import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import type { ReactNode } from 'react';
import { fieldId, type FieldProblems } from '../problems';
import { useT } from '../messages';
import { problemText } from '../problem-text';
import { FieldErrors } from './field';
import { useSelectTexts } from '../../../shared/ui/select-texts';

/** A choice in an Atlaskit select. */
export interface Option<K extends string> {
  readonly value: K;
  readonly label: string;
}

/**
 * A fieldset of rows that each have a kind (a condition's event, an action's type) and that kind's settings:
 * a kind picker, the settings `renderSettings` draws, and a remove button per row, each row's problems under
 * it, and an add button. Changing a row's kind replaces it with `make(kind)`.
 */
export function KindRows<T, K extends string>(props: {
  readonly className: string;
  /** The list's JSON path; row `i` is at `${path}[i]`. */
  readonly path: string;
  readonly legend: string;
  readonly help: string;
  /** Shown when there are no rows. */
  readonly empty?: string;
  readonly items: readonly T[];
  readonly onChange: (items: T[]) => void;
  readonly problems: FieldProblems;
  readonly kinds: readonly K[];
  /** The kind's property name (`event`, `type`): the picker's id follows its JSON path, for error links. */
  readonly kindKey: string;
  readonly kindOf: (item: T) => K;
  readonly kindName: (kind: K) => string;
  readonly kindLabel: string;
  readonly make: (kind: K) => T;
  readonly addKind: K;
  readonly addLabel: string;
  readonly renderSettings: (item: T, path: string, onChange: (item: T) => void) => ReactNode;
}) {
  const selectText = useSelectTexts();
  const i18n = useT();
  const { t } = i18n;
  const options: Option<K>[] = props.kinds.map((kind) => ({ value: kind, label: props.kindName(kind) }));
  const set = (index: number, item: T) => {
    props.onChange(props.items.map((x, i) => (i === index ? item : x)));
  };
  return (
    <fieldset className={props.className} data-path={props.path}>
      <legend className="accord-field__label">{props.legend}</legend>
      <p className="accord-field__help">{props.help}</p>
      <FieldErrors errors={props.problems.at(props.path).map((p) => problemText(p, i18n))} />
      {props.items.length === 0 && props.empty !== undefined ? (
        <p className="accord-muted">{props.empty}</p>
      ) : null}
      <ul className="accord-rows">
        {props.items.map((item, i) => {
          const path = `${props.path}[${i}]`;
          const kindId = fieldId(`${path}.${props.kindKey}`);
          const kind = props.kindOf(item);
          return (
            <li key={i} className="accord-rows__item" data-path={path}>
              <div className="accord-rows__row">
                <span className="accord-rows__cell accord-rows__cell--select">
                  <label className="accord-field__label" htmlFor={kindId}>
                    {props.kindLabel}
                  </label>
                  <Select<Option<K>>
                    {...selectText}
                    inputId={kindId}
                    options={options}
                    value={options.find((o) => o.value === kind) ?? null}
                    onChange={(o) => {
                      if (o && o.value !== kind) set(i, props.make(o.value));
                    }}
                    spacing="compact"
                  />
                </span>
                {props.renderSettings(item, path, (changed) => {
                  set(i, changed);
                })}
                <span className="accord-rows__cell accord-rows__cell--end">
                  <Button
                    appearance="subtle"
                    onClick={() => {
                      props.onChange(props.items.filter((_, j) => j !== i));
                    }}
                  >
                    {t('remove')}
                    <span className="accord-visually-hidden"> {props.kindName(kind)}</span>
                  </Button>
                </span>
              </div>
              <FieldErrors errors={props.problems.at(path).map((p) => problemText(p, i18n))} />
            </li>
          );
        })}
      </ul>
      <Button
        onClick={() => {
          props.onChange([...props.items, props.make(props.addKind)]);
        }}
      >
        {props.addLabel}
      </Button>
    </fieldset>
  );
}
