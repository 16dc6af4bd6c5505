/**
 * The CSV export's text, on the client: the server writes each page as RFC 4180 records (CRLF, fields with a
 * comma, quote or line break quoted, quotes doubled); the report joins the pages of several agreements into
 * one file with one header. A record may hold a line break inside quotes, so records are found by reading the
 * quotes, never by splitting lines.
 */

/**
 * The fields of every record. Quoted fields keep their commas, doubled quotes and line breaks; a final line
 * break ends the last record and makes no empty one.
 * @example parseCsv('a,"b ""c"""\r\n1,"x\r\ny"\r\n') // [['a', 'b "c"'], ['1', 'x\r\ny']]
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  while (i < body.length) {
    const c = body.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === '\r' && body[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * Where the first record ends (the index after its line break), reading quotes: a header or record with a
 * quoted line break is not cut in two.
 * @example firstRecordEnd('a,b\r\n1,2\r\n') === 5
 */
export function firstRecordEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\r' || c === '\n')) return c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return text.length;
}

/**
 * One file from the exports of several agreements, each a list of pages whose first page starts with the
 * header: the first header is kept, the others dropped; a UTF-8 byte-order mark first, so that spreadsheets
 * read umlauts and æøå as they are.
 * @example joinExports([['h\r\n1\r\n'], ['h\r\n2\r\n']]) === '\uFEFFh\r\n1\r\n2\r\n'
 */
export function joinExports(exports: readonly (readonly string[])[]): string {
  let out = '';
  let header = false;
  for (const pages of exports) {
    pages.forEach((page, i) => {
      if (i === 0 && header) out += page.slice(firstRecordEnd(page));
      else out += page;
      if (i === 0) header = true;
    });
  }
  return `\uFEFF${out}`;
}

/**
 * A file name from free text (a counterparty's name): letters and digits of any script, the rest dashes.
 * @example fileSlug('Acme Corp. (EU)') === 'acme-corp-eu'
 */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'report'
  );
}
