import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { pokeEventText } from '../../shared/api/sync-stream';
import { PokeStream } from './poke-stream';

/** A socket that takes `room` bytes, then says it is full until drained. */
function fakeResponse(room: number) {
  const emitter = new EventEmitter();
  const written: string[] = [];
  let buffered = 0;
  const response = Object.assign(emitter, {
    write(text: string) {
      written.push(text);
      buffered += Buffer.byteLength(text);
      return buffered < room;
    },
    end() {
      emitter.emit('close');
    },
  });
  return {
    response: response as unknown as ServerResponse,
    written,
    drain() {
      buffered = 0;
      emitter.emit('drain');
    },
    bytes: () => written.reduce((n, text) => n + Buffer.byteLength(text), 0),
  };
}

describe('PokeStream', () => {
  it('sends a poke only past what the desktop has or was sent', () => {
    const socket = fakeResponse(1 << 20);
    const stream = new PokeStream(socket.response, 10);
    stream.poke(8);
    stream.poke(10);
    stream.poke(12);
    stream.poke(11);
    expect(socket.written).toEqual([pokeEventText(12)]);
  });

  it('costs one pending cursor, not a buffer, while the desktop stops reading', () => {
    const socket = fakeResponse(16);
    const stream = new PokeStream(socket.response, 0);
    for (let seq = 1; seq <= 200_000; seq++) {
      stream.poke(seq);
      if (seq % 1000 === 0) stream.comment('heartbeat');
    }
    // Written before the socket said it was full: the first poke and nothing else.
    expect(socket.written).toEqual([pokeEventText(1)]);
    expect(socket.bytes()).toBeLessThan(64 * 1024);
    socket.drain();
    // Every poke in between folded into the last one.
    expect(socket.written).toEqual([pokeEventText(1), pokeEventText(200_000)]);
  });

  it('writes nothing once the stream ended', () => {
    const socket = fakeResponse(1 << 20);
    const stream = new PokeStream(socket.response, 0);
    stream.end();
    stream.poke(5);
    stream.comment('heartbeat');
    expect(socket.written).toEqual([]);
    expect(stream.closed).toBe(true);
  });
});
