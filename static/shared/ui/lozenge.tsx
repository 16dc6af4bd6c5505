import type { ReactNode } from 'react';

/** Atlaskit's lozenge appearances, by their semantic names. */
export type LozengeAppearance = 'neutral' | 'success' | 'danger' | 'information' | 'warning' | 'discovery';

/**
 * A status lozenge drawn as Atlaskit's: uppercase, bold 11 px, the semantic background and text tokens of its
 * appearance (lozenge.css), so it follows the light and dark themes.
 *
 * Not `@atlaskit/lozenge` itself: that package brings `@atlaskit/primitives` and Atlassian's feature-flag
 * client into the bundle, 62 KB gzipped measured, two fifths of the issue panel's 150 KB budget, for a span.
 */
export function Lozenge(props: {
  readonly appearance: LozengeAppearance;
  readonly isBold?: boolean;
  readonly children: ReactNode;
}) {
  const bold = props.isBold === true ? ' accord-lozenge--bold' : '';
  return (
    <span className={`accord-lozenge accord-lozenge--${props.appearance}${bold}`}>{props.children}</span>
  );
}
