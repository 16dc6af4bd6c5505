/**
 * The trend chart's geometry, apart from its drawing so that it can be tested: the met share of each period
 * as a point, joined where consecutive periods have one, against the objective as a line.
 *
 * The vertical axis ends at 100 % and starts at the ten below the lowest figure shown (met shares and the
 * objective), less a margin: a 95 % objective with shares between 88 and 100 % is drawn from 80 %, where the
 * difference that matters is visible, not squeezed into the top tenth of a 0–100 axis. A line chart (not bars)
 * is honest about an axis that does not start at zero.
 */

export interface TrendInput {
  readonly label: string;
  /** Met share 0–100; null when no cycle ended in the period. */
  readonly value: number | null;
  /** Whether the period met its objective; null without an objective or without cycles. */
  readonly met: boolean | null;
  /** The period containing now: its figure is not final. */
  readonly current: boolean;
}

export interface TrendPoint extends TrendInput {
  readonly x: number;
  /** Null where the period has no value. */
  readonly y: number | null;
}

export interface TrendLayout {
  readonly width: number;
  readonly height: number;
  /** The plot's edges inside the drawing. */
  readonly plot: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
  /** The axis's lowest and highest share. */
  readonly floor: number;
  readonly ceiling: number;
  /** Gridlines: share and height. */
  readonly ticks: readonly { readonly value: number; readonly y: number }[];
  readonly points: readonly TrendPoint[];
  /** `M x y L x y …` per run of consecutive periods with a value. */
  readonly paths: readonly string[];
  /** The objective's height; null without one. */
  readonly objectiveY: number | null;
}

export interface TrendSize {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels on the left and the period labels below. */
  readonly left: number;
  readonly bottom: number;
  readonly top: number;
  readonly right: number;
}

export const DEFAULT_SIZE: TrendSize = { width: 320, height: 120, left: 36, bottom: 20, top: 8, right: 8 };

/**
 * The lowest share the axis shows: the ten at or below the lowest figure less a 5-point margin, never below 0;
 * 90 when every figure is 100 %, and 0 when there is none.
 * @example axisFloor([88, 100], 95) === 80
 */
export function axisFloor(values: readonly (number | null)[], objective: number | null): number {
  const shown = [...values, objective].filter((v): v is number => v !== null && Number.isFinite(v));
  if (shown.length === 0) return 0;
  const lowest = Math.min(...shown);
  return Math.max(0, Math.min(90, Math.floor((lowest - 5) / 10) * 10));
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * Lays the periods out over the plot, evenly, the oldest left.
 * @example trendLayout([{ label: 'Mar', value: 90, met: false, current: false }], 95).objectiveY
 */
export function trendLayout(
  inputs: readonly TrendInput[],
  objective: number | null,
  size: TrendSize = DEFAULT_SIZE,
): TrendLayout {
  const plot = {
    left: size.left,
    right: size.width - size.right,
    top: size.top,
    bottom: size.height - size.bottom,
  };
  const floor = axisFloor(
    inputs.map((p) => p.value),
    objective,
  );
  const ceiling = 100;
  const yOf = (value: number): number =>
    round(
      plot.bottom -
        ((Math.min(ceiling, Math.max(floor, value)) - floor) / (ceiling - floor)) * (plot.bottom - plot.top),
    );
  const step = inputs.length === 0 ? 0 : (plot.right - plot.left) / inputs.length;
  const points = inputs.map((input, i): TrendPoint => ({
    ...input,
    x: round(plot.left + step * (i + 0.5)),
    y: input.value === null ? null : yOf(input.value),
  }));
  const paths: string[] = [];
  let run: string[] = [];
  for (const p of points) {
    if (p.y === null) {
      if (run.length > 1) paths.push(run.join(' '));
      run = [];
      continue;
    }
    run.push(`${run.length === 0 ? 'M' : 'L'}${String(p.x)} ${String(p.y)}`);
  }
  if (run.length > 1) paths.push(run.join(' '));
  const middle = (floor + ceiling) / 2;
  const ticks = [floor, middle, ceiling].map((value) => ({ value, y: yOf(value) }));
  return {
    width: size.width,
    height: size.height,
    plot,
    floor,
    ceiling,
    ticks,
    points,
    paths,
    objectiveY: objective === null ? null : yOf(objective),
  };
}
