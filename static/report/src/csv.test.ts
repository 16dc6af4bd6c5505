import { fileSlug, firstRecordEnd, joinExports, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text =
      'issue_key,counterparty,goal\r\nIT-1,"Acme, Inc.","priority = ""High"""\r\nIT-2,"Line\r\nbreak",\r\n';
    expect(parseCsv(text)).toEqual([
      ['issue_key', 'counterparty', 'goal'],
      ['IT-1', 'Acme, Inc.', 'priority = "High"'],
      ['IT-2', 'Line\r\nbreak', ''],
    ]);
  });

  it('keeps the apostrophe the server puts before text a spreadsheet would run as a formula', () => {
    expect(parseCsv("IT-3,'=HYPERLINK(1)\r\n")).toEqual([['IT-3', "'=HYPERLINK(1)"]]);
  });

  it('skips a byte-order mark and reads a last record without a line break', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('firstRecordEnd', () => {
  it('finds the end of the first record, not the first line break inside quotes', () => {
    expect(firstRecordEnd('a,b\r\n1,2\r\n')).toBe(5);
    expect(firstRecordEnd('"a\r\nb",c\r\n1,2\r\n')).toBe(10);
    expect(firstRecordEnd('a,b')).toBe(3);
  });
});

describe('joinExports', () => {
  it('keeps the first header, drops the others, and joins every page', () => {
    const gold = ['h1,h2\r\nIT-1,met\r\n', 'IT-2,breached\r\n'];
    const netco = ['h1,h2\r\nIT-3,"met, late"\r\n'];
    const joined = joinExports([gold, netco]);
    expect(joined.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(joined)).toEqual([
      ['h1', 'h2'],
      ['IT-1', 'met'],
      ['IT-2', 'breached'],
      ['IT-3', 'met, late'],
    ]);
  });

  it('is a header alone when the first agreement has no cycles', () => {
    expect(parseCsv(joinExports([['h1,h2\r\n'], ['h1,h2\r\n']]))).toEqual([['h1', 'h2']]);
  });
});

describe('fileSlug', () => {
  it('makes a file name of any script', () => {
    expect(fileSlug('Acme Corp. (EU)')).toBe('acme-corp-eu');
    expect(fileSlug('Møller & Søn')).toBe('møller-søn');
    expect(fileSlug('***')).toBe('report');
  });
});
