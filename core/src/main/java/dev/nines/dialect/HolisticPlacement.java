package dev.nines.dialect;

/**
 * Where the engine computes holistic aggregates (distinct counts, percentiles), which need a sort
 * or a hash table over their column rather than a running total. Chosen per database by measurement
 * (see BENCHMARKS.md): in some databases one such aggregate makes the whole shared scan slower than
 * running it apart.
 */
public enum HolisticPlacement {
  /** In the shared scan with the running totals: one query in all. */
  SHARED_SCAN,
  /** Together in one second query under the same filter, so the shared scan stays streaming. */
  ONE_EXTRA_QUERY,
  /** Each in a query of its own under the same filter. */
  QUERY_EACH
}
