import type { ReactNode } from 'react';

/** A titled part of an editor, a landmark for screen readers with its heading as its name. */
export function Section(props: {
  readonly id: string;
  readonly title: string;
  readonly description?: ReactNode;
  readonly children: ReactNode;
}) {
  const headingId = `${props.id}-heading`;
  return (
    <section className="accord-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="accord-section__title">
        {props.title}
      </h3>
      {props.description ? <p className="accord-section__description">{props.description}</p> : null}
      {props.children}
    </section>
  );
}
