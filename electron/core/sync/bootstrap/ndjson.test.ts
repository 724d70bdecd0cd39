import { describe, expect, it } from 'vitest';
import { ndjsonLines, parseRowText, peekSnapshotLine, SnapshotFormatError } from './ndjson';

async function* bytes(text: string, size: number): AsyncGenerator<Uint8Array> {
  const all = Buffer.from(text);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

async function lines(text: string, size: number): Promise<string[]> {
  const result: string[] = [];
  for await (const line of ndjsonLines(bytes(text, size))) result.push(line);
  return result;
}

describe('the snapshot’s lines', () => {
  it('are whole whatever the chunks cut (in a line, in a letter of several bytes)', async () => {
    const text = '{"a":"Søren Œuvre"}\n\n{"b":"Łódź"}\n{"c":1}';
    for (const size of [1, 2, 3, 5, 64])
      expect(await lines(text, size)).toEqual(['{"a":"Søren Œuvre"}', '{"b":"Łódź"}', '{"c":1}']);
  });

  it('give a row’s position without parsing it, and check it when it is parsed', () => {
    const line = '{"kind":"row","seq":12,"entity":"offer","id":"o1","version":2,"data":{"id":"o1"}}';
    const peeked = peekSnapshotLine(line);
    expect(peeked).toEqual({ seq: 12, line });
    expect(parseRowText({ seq: 12, line })).toMatchObject({
      kind: 'row',
      seq: 12,
      entity: 'offer',
      version: 2,
    });
    // Keys in another order: parsed at once, the same row.
    const other = '{"seq":12,"kind":"row","entity":"offer","id":"o1","version":2,"data":null}';
    expect(peekSnapshotLine(other)).toEqual({ seq: 12, line: other });
    expect(peekSnapshotLine('{"kind":"end","cursor":3,"rows":1}')).toEqual({
      kind: 'end',
      cursor: 3,
      rows: 1,
    });
  });

  it('refuse a row that breaks the contract once parsed (a position that is not the one read)', () => {
    const twice = '{"kind":"row","seq":12,"entity":"offer","id":"o1","version":2,"seq":13}';
    expect(() => parseRowText({ seq: 12, line: twice })).toThrow(SnapshotFormatError);
    const noVersion = '{"kind":"row","seq":12,"entity":"offer","id":"o1"}';
    expect(() => parseRowText(peekSnapshotLine(noVersion) as never)).toThrow(SnapshotFormatError);
    expect(() => peekSnapshotLine('{"kind":"row","seq":-1}')).toThrow(SnapshotFormatError);
  });
});
