import { snapshotLineSchema, type SnapshotLine } from '../../../../shared/api/sync';

// A snapshot's NDJSON read line by line as it arrives: only the current line is held, never
// the whole answer.

export class SnapshotFormatError extends Error {}

/** The lines of a byte stream (a last line without its newline is given too: the end line tells whether the stream is whole). */
export async function* ndjsonLines(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of body) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline = rest.indexOf('\n');
    let start = 0;
    while (newline >= 0) {
      const line = rest.slice(start, newline);
      if (line.trim() !== '') yield line;
      start = newline + 1;
      newline = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest.trim() !== '') yield rest;
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
