/**
 * Reads RFC 4180 CSV records from text arriving in pieces, so a verifier can check a file of any
 * size a chunk at a time: fields separated by commas, records by CRLF (or LF), a field in double
 * quotes may hold commas, quotes (doubled) and line breaks.
 */

/** Yields each record's fields from `chunks`, in order; a final record without a line break counts. */
export function* csvRecords(chunks: Iterable<string>): Generator<string[]> {
  let record: string[] = [];
  let field = '';
  let quoted = false;
  // After a closing quote: the next character decides whether it was an escaped quote.
  let quoteSeen = false;
  let fieldStarted = false;
  let pendingCr = false;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') {
          continue;
        }
      }
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          quoted = false;
        } else if (c === '"') {
          quoteSeen = true;
          continue;
        } else {
          field += c;
          continue;
        }
      }
      if (c === '"' && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (c === ',') {
        record.push(field);
        field = '';
        fieldStarted = false;
      } else if (c === '\r' || c === '\n') {
        record.push(field);
        yield record;
        record = [];
        field = '';
        fieldStarted = false;
        pendingCr = c === '\r';
      } else {
        field += c;
        fieldStarted = true;
      }
    }
  }
  if (fieldStarted || record.length > 0) {
    record.push(field);
    yield record;
  }
}
