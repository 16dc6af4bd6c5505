import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { useId } from 'react';
import { useT } from '../messages';

/** Text folded for matching: lower case, accents dropped ("Zürich" and "zurich" match). */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

/**
 * Whether every word of `query` occurs in one of `texts`, ignoring case and accents; an empty query matches.
 * @example matchesQuery('gold acme', ['Gold support', 'Acme Corp']) // true
 */
export function matchesQuery(query: string, texts: readonly (string | undefined)[]): boolean {
  const haystack = fold(texts.filter((t): t is string => t !== undefined).join('\n'));
  return fold(query)
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}

/** One choice of a list's filter buttons (the agreement kinds, say), `null` for "all". */
export interface FilterChoice<T extends string> {
  readonly value: T | null;
  readonly label: string;
}

/**
 * A list's search field, optional filter buttons, and a live count of what is shown ("2 of 5"), so that a
 * site with many agreements or calendars finds one by name, id, counterparty, project or zone.
 */
export function ListFilter<T extends string>(props: {
  readonly label: string;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly shown: number;
  readonly total: number;
  readonly choices?: readonly FilterChoice<T>[];
  readonly chosen?: T | null;
  readonly onChoose?: (value: T | null) => void;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <div className="accord-list-filter" role="search">
      <div className="accord-list-filter__search">
        <label htmlFor={id} className="accord-list-filter__label">
          {props.label}
        </label>
        <Textfield
          id={id}
          type="search"
          autoComplete="off"
          value={props.query}
          onChange={(e) => {
            props.onQuery(e.currentTarget.value);
          }}
        />
      </div>
      {props.choices ? (
        <div className="accord-toolbar" role="group" aria-label={t('list.filter')}>
          {props.choices.map((choice) => (
            <Button
              key={choice.value ?? ''}
              appearance="subtle"
              isSelected={props.chosen === choice.value}
              aria-pressed={props.chosen === choice.value}
              onClick={() => {
                props.onChoose?.(choice.value);
              }}
            >
              {choice.label}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="accord-muted accord-list-filter__count" role="status">
        {props.shown === props.total
          ? t('list.all', { count: props.total })
          : t('list.some', { shown: props.shown, total: props.total })}
      </p>
    </div>
  );
}

/** What a filtered list shows when nothing matches, with a way back to everything. */
export function NoMatch(props: { readonly query: string; readonly onClear: () => void }) {
  const { t } = useT();
  return (
    <div className="accord-list-filter__none">
      <p>
        {props.query.trim() === '' ? t('list.noneOfKind') : t('list.none', { query: props.query.trim() })}
      </p>
      <Button onClick={props.onClear}>{t('list.clear')}</Button>
    </div>
  );
}
