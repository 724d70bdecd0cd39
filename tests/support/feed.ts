import type { Change } from '../../shared/api/sync';
import { ok, unreachable, type Route } from './scripted-engine';

/**
 * The platform's change feed as engine tests write it: numbered entries and tombstones, served
 * page by page from where the desktop stands.
 */
export class TestFeed {
  private seq = 0;

  /** The number of the last change written. */
  get cursor(): number {
    return this.seq;
  }

  entry(entity: string, data: { id: string; version: number }): Change {
    return { seq: ++this.seq, entity, id: data.id, version: data.version, deleted: false, data };
  }

  tombstone(entity: string, data: { id: string; version: number }): Change {
    return { seq: ++this.seq, entity, id: data.id, version: data.version, deleted: true, data: null };
  }

  /** A platform serving these pages of the feed; other requests go to `push`. */
  route(pages: Change[][], push: Route = () => unreachable): Route {
    return (request) => {
      if (request.path !== '/sync/changes') return push(request);
      const since = Number(request.params?.since ?? 0);
      const index = pages.findIndex((page) => page.some((change) => change.seq > since));
      const page = index < 0 ? [] : pages[index]!;
      return ok({
        changes: page,
        cursor: page.at(-1)?.seq ?? since,
        hasMore: index >= 0 && index < pages.length - 1,
        remaining: null,
      });
    };
  }
}
