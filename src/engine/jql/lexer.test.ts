import { tokenize, type Token } from './lexer';

const kinds = (text: string): string[] => {
  const result = tokenize(text);
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return result.value.map((t: Token) => `${t.kind}:${t.value}@${t.column}`);
};

describe('tokenize', () => {
  it('splits words, strings and symbols, with 1-based columns, and ends with an end token', () => {
    expect(kinds('status = "In Progress"')).toEqual([
      'word:status@1',
      'symbol:=@8',
      'string:In Progress@10',
      'end:@23',
    ]);
  });

  it('reads the longest symbol, so != is one token and ! alone is NOT', () => {
    expect(kinds('a!=b !c!~d')).toEqual([
      'word:a@1',
      'symbol:!=@2',
      'word:b@4',
      'symbol:!@6',
      'word:c@7',
      'symbol:!~@8',
      'word:d@10',
      'end:@11',
    ]);
  });

  it('keeps brackets apart so that the parser can read cf[10010]', () => {
    expect(kinds('cf[10010]')).toEqual(['word:cf@1', 'symbol:[@3', 'word:10010@4', 'symbol:]@9', 'end:@10']);
  });

  it('leaves a character it cannot place to the parser', () => {
    expect(kinds('a # b')).toEqual(['word:a@1', 'other:#@3', 'word:b@5', 'end:@6']);
  });

  it('keeps the text of a string as written and its value unescaped', () => {
    const result = tokenize(String.raw`'it\'s \u00e9'`);
    expect(result.ok && result.value[0]).toEqual({
      kind: 'string',
      text: String.raw`'it\'s \u00e9'`,
      value: "it's é",
      column: 1,
    });
  });
});
