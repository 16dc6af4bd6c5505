import type { Fact, ReadableChange, Words } from './readable-diff';

/** A value in words, JQL as code; an absent one as a dash. */
export function WordsView(props: { readonly value: Words | null }) {
  if (props.value === null) return <span className="accord-muted">—</span>;
  return props.value.code ? (
    <span className="accord-mono accord-diff__code">{props.value.text}</span>
  ) : (
    <>{props.value.text}</>
  );
}

function Facts(props: { readonly facts: readonly Fact[] }) {
  if (props.facts.length === 0) return null;
  return (
    <ul className="accord-plain-list accord-diff__facts">
      {props.facts.map((f, i) => (
        <li key={i}>
          {f.label}: <WordsView value={f.value} />
        </li>
      ))}
    </ul>
  );
}

/** The before and after columns of one change: an added item's facts after, a removed one's before. */
export function ChangeCells(props: { readonly change: ReadableChange }) {
  const c = props.change;
  if (c.kind === 'changed') {
    return (
      <>
        <td className="accord-diff__before">
          <WordsView value={c.before} />
        </td>
        <td className="accord-diff__after">
          <WordsView value={c.after} />
        </td>
      </>
    );
  }
  const facts = <Facts facts={c.facts} />;
  const none = <span className="accord-muted">—</span>;
  return (
    <>
      <td className="accord-diff__before">{c.kind === 'removed' ? facts : none}</td>
      <td className="accord-diff__after">{c.kind === 'added' ? facts : none}</td>
    </>
  );
}

/** Changes as sentences, for the audit log: `Target: 8h → 4h`, `Added metric 2 “Time to resolution”` and its facts. */
export function ChangeList(props: { readonly changes: readonly ReadableChange[] }) {
  return (
    <ul className="accord-plain-list accord-diff__list">
      {props.changes.map((c) => (
        <li key={`${c.kind}${c.path}`}>
          {c.kind === 'changed' ? (
            <>
              {c.title}:{' '}
              <span className="accord-diff__before">
                <WordsView value={c.before} />
              </span>{' '}
              →{' '}
              <span className="accord-diff__after">
                <WordsView value={c.after} />
              </span>
            </>
          ) : (
            <>
              {c.title}
              <Facts facts={c.facts} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
