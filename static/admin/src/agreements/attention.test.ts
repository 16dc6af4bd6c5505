import type { Agreement } from '../../../../src/engine/agreement/types';
import { localToday } from '../dates';
import { attentionOf } from './attention';

const agreement = (dates: Partial<Agreement>): Agreement => ({
  id: 'gold',
  name: 'Gold',
  kind: 'SLA',
  metrics: [],
  ...dates,
});

describe('attentionOf', () => {
  it('flags a review due within 30 days, and one that is overdue', () => {
    expect(attentionOf(agreement({ reviewBy: '2026-03-10' }), '2026-03-02')).toEqual([
      { kind: 'review-due', date: '2026-03-10', days: 8 },
    ]);
    expect(attentionOf(agreement({ reviewBy: '2026-03-01' }), '2026-03-02')).toEqual([
      { kind: 'review-overdue', date: '2026-03-01' },
    ]);
    expect(attentionOf(agreement({ reviewBy: '2026-06-30' }), '2026-03-02')).toEqual([]);
  });

  it('flags an agreement about to expire before its review, and one that ended (which needs no review)', () => {
    expect(
      attentionOf(agreement({ validTo: '2026-03-31', reviewBy: '2026-03-20' }), '2026-03-02').map(
        (a) => a.kind,
      ),
    ).toEqual(['expires-soon', 'review-due']);
    // validTo is the last day covered: on it, the agreement has not expired yet.
    expect(attentionOf(agreement({ validTo: '2026-03-02' }), '2026-03-02')).toEqual([
      { kind: 'expires-soon', date: '2026-03-02', days: 0 },
    ]);
    expect(attentionOf(agreement({ validTo: '2026-03-01', reviewBy: '2026-01-01' }), '2026-03-02')).toEqual([
      { kind: 'expired', date: '2026-03-01' },
    ]);
  });

  it('says when an agreement only starts later', () => {
    expect(attentionOf(agreement({ validFrom: '2026-04-01' }), '2026-03-02')).toEqual([
      { kind: 'not-yet-valid', date: '2026-04-01' },
    ]);
  });
});

describe('localToday', () => {
  it("is the admin's date, not the UTC one", () => {
    expect(localToday(Date.UTC(2026, 2, 1, 23, 30), 'Europe/Berlin')).toBe('2026-03-02');
    expect(localToday(Date.UTC(2026, 2, 1, 23, 30), 'America/New_York')).toBe('2026-03-01');
  });
});
