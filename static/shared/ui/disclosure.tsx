import { useId, useState, type ReactNode } from 'react';

/**
 * A button that shows and hides what follows it (the WAI-ARIA disclosure pattern): `aria-expanded` tells
 * screen readers its state, `aria-controls` what it opens. The hidden part is not rendered at all, so a
 * collapsed timeline costs nothing while the countdowns tick.
 */
export function Disclosure(props: {
  readonly label: ReactNode;
  readonly children: () => ReactNode;
  readonly className?: string;
  /** The id of what the button belongs to (a metric's heading), so that several "Timeline" buttons differ. */
  readonly describedBy?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={props.className}>
      <button
        type="button"
        className="accord-disclosure"
        aria-expanded={open}
        aria-controls={id}
        aria-describedby={props.describedBy}
        onClick={() => {
          setOpen((was) => !was);
        }}
      >
        <span aria-hidden="true" className="accord-disclosure__chevron">
          {open ? '\u25BE' : '\u25B8'}
        </span>
        {props.label}
      </button>
      <div id={id} hidden={!open}>
        {open ? props.children() : null}
      </div>
    </div>
  );
}
