import { snapshotLineSchema, type SnapshotLine } from '../../../../shared/api/sync';

// A snapshot's NDJSON read line by line as it arrives: only the current chunk is held, never
// the whole answer.

export class SnapshotFormatError extends Error {}

/**
 * The lines of a byte stream, those of each chunk together (one await per chunk, not per line:
 * a snapshot has hundreds of thousands). A chunk is decoded up to its last newline, which never
 * falls inside a letter of several bytes; the bytes after it wait for the next chunk. A last
 * line without its newline is given too: the end line tells whether the stream is whole.
 */
export async function* ndjsonChunks(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<string[]> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of body) {
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const last = bytes.lastIndexOf(NEWLINE);
    if (last < 0) {
      rest = Buffer.concat([rest, bytes]);
      continue;
    }
    const text =
      rest.length === 0
        ? bytes.toString('utf8', 0, last)
        : Buffer.concat([rest, bytes.subarray(0, last)]).toString('utf8');
    // Copied: a view would keep the whole chunk alive.
    rest = Buffer.from(bytes.subarray(last + 1));
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines.length > 0) yield lines;
  }
  const tail = rest.toString('utf8');
  if (tail.trim() !== '') yield [tail];
}

const NEWLINE = 0x0a;

/** The lines of a byte stream, one by one (see ndjsonChunks). */
export async function* ndjsonLines(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  for await (const lines of ndjsonChunks(body)) yield* lines;
}

/** One line, checked against the contract (a line that is not is a broken answer, not a cut one). */
export function parseSnapshotLine(line: string): SnapshotLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new SnapshotFormatError('Ligne illisible dans l’instantané de la plateforme.');
  }
  const parsed = snapshotLineSchema.safeParse(json);
  if (!parsed.success) throw new SnapshotFormatError('Ligne inattendue dans l’instantané de la plateforme.');
  return parsed.data;
}

/** How the platform starts a row's line (platform/sync/snapshot-stream.ts): its position read without parsing the line. */
const ROW_START = /^\{"kind":"row","seq":(\d{1,15}),/;

/**
 * A row's line kept as text until its batch is stored (parsed objects of thousands of rows held
 * across many reads would outlive the young generation of the heap, and weigh more than the text).
 */
export interface RowText {
  seq: number;
  line: string;
}

/** What a line is, parsing it only when it is not a row in the platform's usual form (header, end, other). */
export function peekSnapshotLine(line: string): RowText | Exclude<SnapshotLine, { kind: 'row' }> {
  const start = ROW_START.exec(line);
  if (start) return { seq: Number(start[1]), line };
  const parsed = parseSnapshotLine(line);
  return parsed.kind === 'row' ? { seq: parsed.seq, line } : parsed;
}

/** A row's line parsed when stored, checked as parseSnapshotLine does (and for the position it was taken at). */
export function parseRowText(row: RowText): Extract<SnapshotLine, { kind: 'row' }> {
  const parsed = parseSnapshotLine(row.line);
  if (parsed.kind !== 'row' || parsed.seq !== row.seq)
    throw new SnapshotFormatError('Ligne inattendue dans l’instantané de la plateforme.');
  return parsed;
}
