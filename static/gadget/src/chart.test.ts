import { axisFloor, DEFAULT_SIZE, trendLayout, type TrendInput } from './chart';

const point = (value: number | null, overrides: Partial<TrendInput> = {}): TrendInput => ({
  label: `P${String(value)}`,
  value,
  met: value === null ? null : value >= 95,
  current: false,
  ...overrides,
});

describe('axisFloor', () => {
  it('starts the axis at the ten below the lowest figure, less a margin', () => {
    expect(axisFloor([88, 100, 97], 95)).toBe(80);
    expect(axisFloor([96, 99], 95)).toBe(90);
    // The objective counts: shares above it still show where it lies.
    expect(axisFloor([100, 100], 80)).toBe(70);
  });

  it('never goes below 0, shows at least the top tenth, and is 0 with nothing to show', () => {
    expect(axisFloor([3, 50], 95)).toBe(0);
    expect(axisFloor([100, 100], null)).toBe(90);
    expect(axisFloor([null, null], null)).toBe(0);
  });
});

describe('trendLayout', () => {
  const { plot } = trendLayout([], null);

  it('maps 100 % to the top of the plot and the floor to its bottom', () => {
    const layout = trendLayout([point(100), point(80)], 95);
    expect(layout.floor).toBe(70);
    expect(layout.points[0]?.y).toBe(plot.top);
    // 80 % on a 70–100 axis is a third of the way up.
    expect(layout.points[1]?.y).toBeCloseTo(plot.bottom - (plot.bottom - plot.top) / 3, 1);
    expect(layout.objectiveY).toBeCloseTo(plot.bottom - ((95 - 70) / 30) * (plot.bottom - plot.top), 1);
    expect(layout.ticks.map((t) => t.value)).toEqual([70, 85, 100]);
  });

  it('spreads the periods evenly, the oldest left', () => {
    const layout = trendLayout([point(90), point(91), point(92), point(93)], null);
    const xs = layout.points.map((p) => p.x);
    const step = (plot.right - plot.left) / 4;
    expect(xs[0]).toBeCloseTo(plot.left + step / 2, 1);
    expect((xs[3] ?? 0) - (xs[2] ?? 0)).toBeCloseTo(step, 1);
    expect(Math.max(...xs)).toBeLessThan(DEFAULT_SIZE.width - DEFAULT_SIZE.right);
  });

  it('leaves a gap for a period without cycles instead of drawing through it', () => {
    const layout = trendLayout([point(90), point(95), point(null), point(97), point(99)], 95);
    expect(layout.points[2]?.y).toBeNull();
    expect(layout.paths).toHaveLength(2);
    expect(layout.paths[0]).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  });

  it('draws no line for a lone point, and no objective without one', () => {
    const layout = trendLayout([point(null), point(90), point(null)], null);
    expect(layout.paths).toEqual([]);
    expect(layout.objectiveY).toBeNull();
  });

  it('keeps a share outside the axis on the plot', () => {
    const layout = trendLayout([point(120)], 95);
    expect(layout.points[0]?.y).toBe(plot.top);
  });
});
