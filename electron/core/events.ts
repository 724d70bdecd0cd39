import type { CoreEvent } from '../../shared/ipc/events';

export type EventListener = (event: CoreEvent) => void;

/** The core's outgoing events; transports (IPC, SSE) and tests subscribe. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CoreEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A failing transport must not stop the others.
      }
    }
  }

  /** Resolves with the first event matching `predicate` (tests wait on this, never on sleeps). */
  next<T extends CoreEvent>(predicate: (event: CoreEvent) => event is T): Promise<T>;
  next(predicate: (event: CoreEvent) => boolean): Promise<CoreEvent>;
  next(predicate: (event: CoreEvent) => boolean): Promise<CoreEvent> {
    return new Promise((resolve) => {
      const stop = this.subscribe((event) => {
        if (predicate(event)) {
          stop();
          resolve(event);
        }
      });
    });
  }
}
