import { at } from '../calendar/test-support';
import { formatLocalInstant } from './format-local';
import type { IanaZone } from './units';

const zone = (name: string): IanaZone => name as IanaZone;

describe('formatLocalInstant', () => {
  it('writes an instant in the zone’s wall-clock time with the offset in force then', () => {
    // A Berlin site reads its deadlines in Berlin time: winter +01:00, summer +02:00.
    expect(formatLocalInstant(at('2026-12-07T10:00Z'), zone('Europe/Berlin'))).toBe(
      '2026-12-07 11:00 +01:00',
    );
    expect(formatLocalInstant(at('2026-06-01T15:30Z'), zone('Europe/Berlin'))).toBe(
      '2026-06-01 17:30 +02:00',
    );
  });

  it('takes the offset of the instant itself on both sides of a DST change', () => {
    // 2026-03-29 in Berlin: 01:59:59 CET is followed by 03:00 CEST.
    expect(formatLocalInstant(at('2026-03-29T00:59Z'), zone('Europe/Berlin'))).toBe(
      '2026-03-29 01:59 +01:00',
    );
    expect(formatLocalInstant(at('2026-03-29T01:00Z'), zone('Europe/Berlin'))).toBe(
      '2026-03-29 03:00 +02:00',
    );
  });

  it('writes negative and half-hour offsets, and the local date across midnight', () => {
    expect(formatLocalInstant(at('2026-12-07T02:00Z'), zone('America/Santiago'))).toBe(
      '2026-12-06 23:00 -03:00',
    );
    expect(formatLocalInstant(at('2026-12-07T20:00Z'), zone('Asia/Kolkata'))).toBe('2026-12-08 01:30 +05:30');
    expect(formatLocalInstant(at('2026-12-07T10:00Z'), zone('UTC'))).toBe('2026-12-07 10:00 +00:00');
  });

  it('cuts seconds rather than rounding, so a deadline never reads a minute late', () => {
    expect(formatLocalInstant(at('2026-12-07T10:59:59.999Z'), zone('Europe/Berlin'))).toBe(
      '2026-12-07 11:59 +01:00',
    );
  });
});
