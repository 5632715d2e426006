package dev.nines.server.api;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextOffset the offset of the next page; null on the last page
 */
public record Page<T>(List<T> items, int limit, int offset, Integer nextOffset) {
  public Page {
    items = List.copyOf(items);
  }

  /** A page of {@code items} read with one extra item to know whether another page follows. */
  public static <T> Page<T> of(List<T> itemsAndOneMore, Paging paging) {
    boolean more = itemsAndOneMore.size() > paging.limit();
    List<T> items = more ? itemsAndOneMore.subList(0, paging.limit()) : itemsAndOneMore;
    return new Page<>(
        items, paging.limit(), paging.offset(), more ? paging.offset() + paging.limit() : null);
  }

  /** A page cut from a whole list held in memory. */
  public static <T> Page<T> slice(List<T> all, Paging paging) {
    int from = Math.min(paging.offset(), all.size());
    int to = Math.min(all.size(), from + paging.limit() + 1);
    return of(all.subList(from, to), paging);
  }
}
