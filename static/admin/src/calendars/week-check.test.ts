import { checkSpans, normalizeTime, workingMinutes } from './week-check';

describe('checkSpans', () => {
  it('accepts several spans a day, in any order, and 24:00 as an end', () => {
    expect(
      checkSpans([
        { from: '13:00', to: '24:00' },
        { from: '00:00', to: '12:00' },
      ]),
    ).toEqual([]);
  });

  it('points at a bad time of day, on the field it is in', () => {
    expect(checkSpans([{ from: '9', to: '25:00' }])).toEqual([
      { index: 0, kind: 'from' },
      { index: 0, kind: 'to' },
    ]);
    // 24:00 ends a day; it cannot start one.
    expect(checkSpans([{ from: '24:00', to: '24:00' }])).toEqual([{ index: 0, kind: 'from' }]);
  });

  it('refuses an empty or backwards span: spans are half-open', () => {
    expect(checkSpans([{ from: '09:00', to: '09:00' }])).toEqual([{ index: 0, kind: 'order' }]);
    expect(checkSpans([{ from: '17:00', to: '09:00' }])).toEqual([{ index: 0, kind: 'order' }]);
  });

  it('names the span an overlap is with, and lets spans touch', () => {
    expect(
      checkSpans([
        { from: '12:00', to: '17:00' },
        { from: '09:00', to: '12:30' },
        { from: '17:00', to: '18:00' },
      ]),
    ).toEqual([{ index: 0, kind: 'overlap', other: 1 }]);
  });
});

describe('workingMinutes', () => {
  it('adds up the valid spans, counting an overlap once', () => {
    expect(
      workingMinutes([
        { from: '09:00', to: '12:00' },
        { from: '11:00', to: '13:00' },
        { from: 'x', to: '10:00' },
      ]),
    ).toBe(240);
    expect(workingMinutes([{ from: '00:00', to: '24:00' }])).toBe(1440);
  });
});

describe('normalizeTime', () => {
  it('reads the ways people type a time', () => {
    expect(['9', '9:5', '930', '17.30', '0900', '24:00', 'noon'].map(normalizeTime)).toEqual([
      '09:00',
      '09:05',
      '09:30',
      '17:30',
      '09:00',
      '24:00',
      'noon',
    ]);
  });
});
