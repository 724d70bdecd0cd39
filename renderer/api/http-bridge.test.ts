import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../shared/ipc/events';
import { createHttpBridge } from './http-bridge';

/** The browser's EventSource as far as the bridge uses it. */
class FakeEventSource {
  static made: FakeEventSource[] = [];
  onmessage: ((message: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  close() {
    this.closed = true;
  }
}

describe('the web transport’s event stream', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeEventSource.made = [];
  });

  it('says when the stream comes back after a cut, so missed events are made up for', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const seen: CoreEvent['type'][] = [];
    const stop = createHttpBridge().subscribe((event) => seen.push(event.type));
    const [source] = FakeEventSource.made;
    source!.onopen?.();
    source!.onmessage?.({
      data: JSON.stringify({ type: 'entities.changed', payload: { entities: ['offer'] } }),
    });
    expect(seen).toEqual(['entities.changed']);

    source!.onerror?.();
    source!.onopen?.();
    expect(seen).toEqual(['entities.changed', 'events.resumed']);
    source!.onopen?.();
    expect(seen).toHaveLength(2);

    stop();
    expect(source!.closed).toBe(true);
  });

  it('opens one stream for every listener', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const bridge = createHttpBridge();
    const stops = [bridge.subscribe(() => undefined), bridge.subscribe(() => undefined)];
    expect(FakeEventSource.made).toHaveLength(1);
    stops[0]!();
    expect(FakeEventSource.made[0]!.closed).toBe(false);
    stops[1]!();
    expect(FakeEventSource.made[0]!.closed).toBe(true);
  });
});
