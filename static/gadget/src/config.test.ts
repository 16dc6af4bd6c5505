import { gadgetPayload, parseConfig } from './config';

describe('parseConfig', () => {
  it('reads a stored configuration field by field', () => {
    expect(
      parseConfig({
        agreementId: 'gold',
        metricId: 'ttr',
        period: 'week',
        groupBy: 'metric',
        projectKey: 'it',
      }),
    ).toEqual({ agreementId: 'gold', metricId: 'ttr', period: 'week', groupBy: 'metric', projectKey: 'IT' });
  });

  it('is null for a gadget never configured', () => {
    expect(parseConfig({})).toBeNull();
    expect(parseConfig({ agreementId: '  ' })).toBeNull();
    expect(parseConfig({ agreementId: 42 })).toBeNull();
  });

  it('falls back to a month per goal, and drops what it cannot use', () => {
    expect(
      parseConfig({
        agreementId: 'gold',
        period: 'year',
        groupBy: 'team',
        projectKey: 'not a key',
        metricId: '',
      }),
    ).toEqual({
      agreementId: 'gold',
      period: 'month',
      groupBy: 'goal',
    });
  });
});

describe('gadgetPayload', () => {
  it('asks for six periods of trend, and leaves out what the configuration leaves out', () => {
    expect(gadgetPayload({ agreementId: 'gold', period: 'quarter', groupBy: 'goal' })).toEqual({
      agreementId: 'gold',
      period: 'quarter',
      groupBy: 'goal',
      trendCount: 6,
      atRiskLimit: 10,
      breachLimit: 20,
    });
  });
});
