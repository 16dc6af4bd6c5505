import { useEffect, useRef } from 'react';

/**
 * A ref for the element that takes the keyboard's focus when it appears (an editor's heading when the editor
 * opens, the list's heading when it closes), so that a keyboard or screen-reader user continues from there
 * rather than from the top of the page. Only when `enabled`: the page's first render leaves focus alone.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
    // Only on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}
