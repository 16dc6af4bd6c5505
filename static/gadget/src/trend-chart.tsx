import { useId } from 'react';
import { formatPercent } from './format';
import { trendLayout, type TrendInput } from './chart';
import { useLocale, useT } from './messages';

/**
 * The met share over the last periods as a small line chart, drawn by hand in SVG with the theme's tokens (a
 * chart library would cost more than the rest of the gadget). Screen readers get the same figures as a table;
 * the drawing is hidden from them.
 */
export function TrendChart(props: {
  readonly points: readonly TrendInput[];
  readonly objective: number | null;
  readonly caption: string;
}) {
  const t = useT();
  const locale = useLocale();
  const layout = trendLayout(props.points, props.objective);
  const clip = useId();
  return (
    <figure className="accord-trend">
      <svg
        className="accord-trend__chart"
        viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
        aria-hidden="true"
        focusable="false"
        data-testid="trend-chart"
      >
        <clipPath id={clip}>
          <rect x={0} y={0} width={layout.width} height={layout.height} />
        </clipPath>
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line
              className="accord-trend__grid"
              x1={layout.plot.left}
              x2={layout.plot.right}
              y1={tick.y}
              y2={tick.y}
            />
            <text
              className="accord-trend__axis"
              x={layout.plot.left - 4}
              y={tick.y}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {formatPercent(tick.value, locale)}
            </text>
          </g>
        ))}
        {layout.objectiveY === null ? null : (
          <line
            className="accord-trend__objective"
            x1={layout.plot.left}
            x2={layout.plot.right}
            y1={layout.objectiveY}
            y2={layout.objectiveY}
            data-testid="trend-objective"
          />
        )}
        {layout.paths.map((d) => (
          <path key={d} className="accord-trend__line" d={d} clipPath={`url(#${clip})`} />
        ))}
        {layout.points.map((p) => (
          <g key={p.label}>
            {p.y === null ? null : (
              <circle
                className={`accord-trend__point accord-trend__point--${p.met === null ? 'none' : p.met ? 'met' : 'missed'}${p.current ? ' accord-trend__point--current' : ''}`}
                cx={p.x}
                cy={p.y}
                r={p.current ? 4 : 3.5}
              />
            )}
            <text className="accord-trend__axis" x={p.x} y={layout.height - 4} textAnchor="middle">
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="accord-visually-hidden">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trend.periodColumn')}</th>
              <th scope="col">{t('trend.shareColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {props.points.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{p.value === null ? t('trend.none') : formatPercent(p.value, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
