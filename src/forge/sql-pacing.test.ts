import { ForgeSQLAPIError } from '@forge/sql';
import { paced } from './sql-pacing';

const refusal = (status: number) =>
  new ForgeSQLAPIError(
    { status, statusText: '', traceId: 't' },
    { code: status === 429 ? 'RATE_LIMIT_EXCEEDED' : 'SQL_EXECUTION_ERROR', message: 'refused' },
  );

describe('paced', () => {
  it('sends a statement refused for the request rate again after growing waits, and returns its reply', async () => {
    const waits: number[] = [];
    let calls = 0;
    const reply = await paced(
      () => (++calls < 4 ? Promise.reject(refusal(429)) : Promise.resolve('rows')),
      (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      () => 0.5,
    );
    expect(reply).toBe('rows');
    expect(waits).toEqual([100, 200, 400]);
  });

  it('passes any other failure on at once, and a rate refusal once the waits are spent', async () => {
    const sleep = () => Promise.resolve();
    let calls = 0;
    await expect(paced(() => (calls++, Promise.reject(refusal(400))), sleep)).rejects.toThrow('refused');
    expect(calls).toBe(1);
    calls = 0;
    await expect(paced(() => (calls++, Promise.reject(refusal(429))), sleep)).rejects.toThrow('refused');
    expect(calls).toBe(11);
  });
});
