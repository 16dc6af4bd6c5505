import { historyStamp, parseHistoryStamp } from './rows';

describe('history stamps', () => {
  it('round-trip, and stay readable when a clock gives fractions of a millisecond', () => {
    expect(parseHistoryStamp(historyStamp(1772440000000, 12, 1772440060000))).toEqual({
      latest: 1772440000000,
      histories: 12,
      readAt: 1772440060000,
    });
    // A virtual clock's 1772438415140.819 made '…1772438415140.819', which no reader parsed: every later
    // carried change of the issue was read in full from Jira ('unreadable').
    expect(parseHistoryStamp(historyStamp(1772438414799, 3, 1772438415140.819))).toEqual({
      latest: 1772438414799,
      histories: 3,
      readAt: 1772438415140,
    });
  });
});
