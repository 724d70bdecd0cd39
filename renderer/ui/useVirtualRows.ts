import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

interface Options<T> {
  key: (row: T) => string;
  /** A row's height before it is measured (px). */
  estimateSize: number;
  overscan?: number;
}

/**
 * A long list or table rendered a window at a time: only the rows in view (and a few around)
 * are in the page, between two spacers of `before` and `after` pixels that keep the scroll
 * height. Attach `scrollRef` to the scrolling box and `measureElement` to each rendered row.
 */
export function useVirtualRows<T>(rows: readonly T[], { key, estimateSize, overscan = 10 }: Options<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan,
    getItemKey: (index) => key(rows[index]!),
  });
  const items = virtualizer.getVirtualItems();
  const totalSize = virtualizer.getTotalSize();
  return {
    scrollRef,
    items,
    measureElement: virtualizer.measureElement,
    totalSize,
    before: items[0]?.start ?? 0,
    after: items.length > 0 ? totalSize - items[items.length - 1]!.end : 0,
  };
}
