import { useState, type ReactNode } from 'react';

/**
 * A titled part of an editor, a landmark for screen readers with its heading as its name. A `collapsible`
 * section folds behind its heading (the WAI-ARIA disclosure pattern: the heading holds a button with
 * `aria-expanded`); folded, its content stays mounted but hidden, so what was typed or loaded in it is kept.
 * `forceOpen` unfolds it whatever the person chose, for a section holding a problem to fix.
 */
export function Section(props: {
  readonly id: string;
  readonly title: string;
  readonly description?: ReactNode;
  readonly children: ReactNode;
  readonly collapsible?: boolean;
  readonly defaultOpen?: boolean;
  readonly forceOpen?: boolean;
}) {
  const headingId = `${props.id}-heading`;
  const bodyId = `${props.id}-body`;
  const [chosen, setChosen] = useState(props.defaultOpen ?? true);
  const open = !props.collapsible || chosen || props.forceOpen === true;
  return (
    <section
      className={props.collapsible && !open ? 'accord-section accord-section--folded' : 'accord-section'}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="accord-section__title">
        {props.collapsible ? (
          <button
            type="button"
            className="accord-section__toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => {
              setChosen(!open);
            }}
          >
            {props.title}
          </button>
        ) : (
          props.title
        )}
      </h3>
      <div id={bodyId} className="accord-section__body" hidden={!open}>
        {props.description ? <p className="accord-section__description">{props.description}</p> : null}
        {props.children}
      </div>
    </section>
  );
}
