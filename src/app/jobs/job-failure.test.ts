import { jobErrorText, jobFailure, type JobFailure } from './recalculate';

describe('a job’s failure', () => {
  it.each<JobFailure>([
    { code: 'stalled', params: { minutes: 31 } },
    { code: 'stalled', params: { minutes: 1 } },
    { code: 'step-failed', params: { reason: 'ForgeSQLError', times: 3 } },
    { code: 'step-failed', params: { reason: 'boom (twice) or more', times: 1 } },
  ])('is stored as text and read back as the code the UIs word: %j', (failure) => {
    expect(jobFailure(jobErrorText(failure))).toEqual(failure);
  });

  it('reads the texts jobs were stored with, and keeps any other text as it is', () => {
    expect(jobFailure('step-failed: ForgeSQLError (3 times)')).toEqual({
      code: 'step-failed',
      params: { reason: 'ForgeSQLError', times: 3 },
    });
    expect(jobFailure('stalled: no progress for 32 minutes')).toEqual({
      code: 'stalled',
      params: { minutes: 32 },
    });
    expect(jobFailure('something else')).toEqual({ code: 'unknown', params: { error: 'something else' } });
    expect(jobFailure(null)).toBeNull();
  });
});
