import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pokeEventText } from '../../../../shared/api/sync-stream';
import type { PlatformClient, RequestOptions, StreamExchange } from '../../platform/client';
import { LiveStream } from './live';

/** A stream body the test feeds; it ends when told, and fails when its request is aborted. */
function scriptedBody(signal: AbortSignal) {
  const chunks: string[] = [];
  let ended = false;
  let wake = () => undefined as void;
  signal.addEventListener('abort', () => wake());
  async function* body() {
    for (;;) {
      if (chunks.length > 0) {
        yield chunks.shift()!;
        continue;
      }
      if (signal.aborted) throw new Error('aborted');
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  return {
    body: body(),
    send(text: string) {
      chunks.push(text);
      wake();
    },
    end() {
      ended = true;
      wake();
    },
  };
}

type Script = (options: RequestOptions) => StreamExchange | 'open';

/** A client whose GET /sync/stream answers by the script; 'open' gives a body the test drives. */
function fakeClient(script: Script) {
  const calls: Array<{ at: number; options: RequestOptions }> = [];
  const bodies: Array<ReturnType<typeof scriptedBody>> = [];
  const client = {
    exchangeStream: async (options: RequestOptions): Promise<StreamExchange> => {
      calls.push({ at: Date.now(), options });
      const answer = script(options);
      if (answer !== 'open') return answer;
      const body = scriptedBody(options.signal!);
      bodies.push(body);
      return { kind: 'ok', body: body.body };
    },
  } as unknown as PlatformClient;
  return { client, calls, bodies };
}

const network: StreamExchange = { kind: 'network', message: 'Plateforme injoignable.' };

describe('LiveStream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function live(client: PlatformClient, cursor: () => number | null = () => 7) {
    const pokes: number[] = [];
    const states: boolean[] = [];
    const stream = new LiveStream({
      client,
      readCursor: async () => cursor(),
      onPoke: (c) => pokes.push(c),
      onLiveChange: (state) => states.push(state),
      logger: { error: () => undefined },
      random: () => 1,
    });
    return { stream, pokes, states };
  }

  it('opens at the local cursor, without a timeout, and hands on each poke, however the bytes are cut', async () => {
    const { client, calls, bodies } = fakeClient(() => 'open');
    const { stream, pokes, states } = live(client);
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0]!.options).toMatchObject({
      path: '/sync/stream',
      params: { cursor: 7 },
      auth: true,
      timeoutMs: 0,
    });
    const text = `: ok\n\n${pokeEventText(9)}${pokeEventText(12)}`;
    bodies[0]!.send(text.slice(0, 13));
    bodies[0]!.send(text.slice(13, 50));
    bodies[0]!.send(text.slice(50));
    bodies[0]!.send('event: poke\ndata: pas du json\n\n');
    await vi.advanceTimersByTimeAsync(0);
    expect(pokes).toEqual([9, 12]);
    expect(states).toEqual([true]);
    await stream.stop();
    expect(states).toEqual([true, false]);
  });

  it('reconnects after failures with a doubling delay, capped at 30 s', async () => {
    const { client, calls } = fakeClient(() => network);
    const { stream } = live(client);
    stream.start();
    await vi.advanceTimersByTimeAsync(120_000);
    const gaps = calls.slice(1).map((call, i) => call.at - calls[i]!.at);
    expect(gaps.slice(0, 7)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    await stream.stop();
  });

  it('reconnects at once when a stream that lived ends (the platform ends it with the token)', async () => {
    const { client, calls, bodies } = fakeClient(() => 'open');
    const { stream } = live(client);
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    bodies[0]!.send(': ok\n\n');
    await vi.advanceTimersByTimeAsync(10_000);
    bodies[0]!.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at).toBe(calls[0]!.at + 10_000);
    await stream.stop();
  });

  it('drops a stream that sends nothing for 62.5 s, then opens another', async () => {
    const { client, calls, bodies } = fakeClient(() => 'open');
    const { stream } = live(client);
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    bodies[0]!.send(': ok\n\n');
    await vi.advanceTimersByTimeAsync(62_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500 + 1_000);
    expect(calls).toHaveLength(2);
    await stream.stop();
  });

  it('stops for good on a platform without the stream, and on an ended session', async () => {
    for (const answer of [
      { kind: 'http', status: 404, message: 'introuvable', problem: null, retryAfterMs: undefined },
      { kind: 'session-expired' },
    ] satisfies StreamExchange[]) {
      const { client, calls } = fakeClient(() => answer);
      const { stream } = live(client);
      stream.start();
      await vi.advanceTimersByTimeAsync(600_000);
      expect(calls).toHaveLength(1);
      await stream.stop();
    }
  });

  it('keeps trying after a refusal that is one of the platform’s problems', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Non',
      status: 404,
      detail: 'Aucune structure',
      code: 'no_structure',
    };
    const { client, calls } = fakeClient(() => ({
      kind: 'http',
      status: 404,
      message: 'Aucune structure',
      problem,
      retryAfterMs: undefined,
    }));
    const { stream } = live(client);
    stream.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.length).toBeGreaterThan(1);
    await stream.stop();
  });

  it('waits while there is no feed to follow, and looks again when woken', async () => {
    let cursor: number | null = null;
    const { client, calls } = fakeClient(() => network);
    const { stream } = live(client, () => cursor);
    stream.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toHaveLength(0);
    cursor = 3;
    stream.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await stream.stop();
  });

  it('stops an open stream at once', async () => {
    const { client, bodies } = fakeClient(() => 'open');
    const { stream } = live(client);
    stream.start();
    await vi.advanceTimersByTimeAsync(0);
    bodies[0]!.send(': ok\n\n');
    await stream.stop();
  });
});
