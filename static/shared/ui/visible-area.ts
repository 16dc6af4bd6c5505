/**
 * Which part of a Custom UI's frame the person can see. Jira sizes an admin page's frame to its content, so a
 * long editor makes the frame 7,000–9,000 px tall and the host page scrolls it: inside the frame the viewport
 * is the whole frame, `position: fixed` and `100vh` mean the whole frame, and a dialog or a sticky footer
 * placed by them ends up thousands of pixels away from where the person is looking.
 *
 * The frame cannot ask its host where it is scrolled to (the host is another origin), but an
 * `IntersectionObserver` with no root measures against the top-level viewport across frames, cross-origin
 * included. So the document is lined with thin, invisible strips, each observed; the strips the host's
 * viewport cuts give the visible band's edges to within a few pixels, and every scroll of the host that
 * moves an edge across a strip's threshold reports the new band.
 *
 * {@link watchVisibleArea} writes the band into CSS variables on the root element, for the stylesheets:
 *
 * - `--accord-visible-top`: the band's top edge, in the frame's viewport (px);
 * - `--accord-visible-height`: its height (px);
 * - `--accord-hidden-below`: how much of the frame's viewport lies below it (px), for `position: sticky;
 *   bottom: …` footers.
 *
 * Outside a frame, or where nothing is cut, the band is the whole viewport.
 */

/** How tall each strip is (px): the precision is `STRIP / STEPS`. */
const STRIP = 64;
/** How many thresholds each strip has. */
const STEPS = 16;

/** The visible band of the frame, in its viewport's coordinates (px). */
export interface VisibleBand {
  readonly top: number;
  readonly bottom: number;
}

/**
 * The band seen, from the strips the host's viewport cuts: each as its top in the document and the part of it
 * that is visible, relative to its own top. `null` when no strip is visible (the frame is scrolled out of
 * sight, or nothing has been measured yet).
 */
export function bandOf(
  seen: Iterable<{ readonly docTop: number; readonly from: number; readonly to: number }>,
): { readonly top: number; readonly bottom: number } | null {
  let top = Infinity;
  let bottom = -Infinity;
  for (const strip of seen) {
    top = Math.min(top, strip.docTop + strip.from);
    bottom = Math.max(bottom, strip.docTop + strip.to);
  }
  return bottom > top ? { top, bottom } : null;
}

/** The CSS variables for a band (in the document's coordinates) in a window scrolled to `scrollY`. */
export function cssVariablesOf(
  band: { readonly top: number; readonly bottom: number } | null,
  scrollY: number,
  viewportHeight: number,
): Record<'--accord-visible-top' | '--accord-visible-height' | '--accord-hidden-below', string> {
  const top = band === null ? 0 : Math.max(0, band.top - scrollY);
  const bottom = band === null ? viewportHeight : Math.min(viewportHeight, band.bottom - scrollY);
  const height = Math.max(0, bottom - top);
  return {
    '--accord-visible-top': `${Math.round(top)}px`,
    '--accord-visible-height': `${Math.round(height > 0 ? height : viewportHeight)}px`,
    '--accord-hidden-below': `${Math.round(Math.max(0, viewportHeight - bottom))}px`,
  };
}

/**
 * Lines `doc` with observed strips and keeps the CSS variables above current as the host scrolls and the
 * content grows or shrinks. Returns a function that stops watching and removes the strips.
 */
export function watchVisibleArea(doc: Document = document): () => void {
  const win = doc.defaultView;
  if (win === null || typeof win.IntersectionObserver !== 'function') return () => undefined;
  const root = doc.documentElement;
  const lining = doc.createElement('div');
  lining.setAttribute('aria-hidden', 'true');
  lining.dataset.accordVisibleArea = '';
  // Out of the flow, so the strips never make the document taller than its content.
  Object.assign(lining.style, {
    position: 'absolute',
    top: '0',
    left: '0',
    width: '1px',
    height: '0',
    overflow: 'hidden',
    visibility: 'hidden',
    pointerEvents: 'none',
  });
  doc.body.appendChild(lining);

  const seen = new Map<Element, { docTop: number; from: number; to: number }>();
  const publish = () => {
    const vars = cssVariablesOf(bandOf(seen.values()), win.scrollY, win.innerHeight);
    for (const [name, value] of Object.entries(vars)) root.style.setProperty(name, value);
  };
  const thresholds = Array.from({ length: STEPS + 1 }, (_, i) => i / STEPS);
  const observer = new win.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const docTop = Number((entry.target as HTMLElement).dataset.top);
        if (!entry.isIntersecting || entry.intersectionRect.height <= 0) {
          seen.delete(entry.target);
          continue;
        }
        const from = entry.intersectionRect.top - entry.boundingClientRect.top;
        seen.set(entry.target, { docTop, from, to: from + entry.intersectionRect.height });
      }
      publish();
    },
    { threshold: thresholds },
  );

  // As many strips as the content is tall; the content's height is the body's bottom edge.
  let count = 0;
  const line = () => {
    const height = Math.ceil(doc.body.getBoundingClientRect().bottom + win.scrollY);
    const wanted = Math.max(1, Math.ceil(height / STRIP));
    // The lining is exactly as tall as the content and clips the last strip, so it adds no scroll height.
    lining.style.height = `${height}px`;
    while (count < wanted) {
      const strip = doc.createElement('div');
      strip.dataset.top = String(count * STRIP);
      Object.assign(strip.style, {
        position: 'absolute',
        top: `${count * STRIP}px`,
        left: '0',
        width: '1px',
        height: `${STRIP}px`,
      });
      lining.appendChild(strip);
      observer.observe(strip);
      count++;
    }
    while (count > wanted && lining.lastElementChild) {
      const strip = lining.lastElementChild;
      observer.unobserve(strip);
      seen.delete(strip);
      strip.remove();
      count--;
    }
  };
  const resize = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(line) : null;
  resize?.observe(doc.body);
  line();
  publish();
  win.addEventListener('scroll', publish, { passive: true });
  win.addEventListener('resize', publish);
  return () => {
    resize?.disconnect();
    observer.disconnect();
    win.removeEventListener('scroll', publish);
    win.removeEventListener('resize', publish);
    lining.remove();
  };
}
