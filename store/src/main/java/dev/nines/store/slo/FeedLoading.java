package dev.nines.store.slo;

import dev.nines.store.SloStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the feeds a pass does not hold in memory yet. A few are read SLO by SLO; many (the first
 * pass of a process, or after another replica moved the cursor) with one query for all fingerprints
 * and one streamed read of every bucket row, so the first pass costs about one sequential read of
 * the bucket table instead of two round trips and one index read per SLO.
 */
final class FeedLoading {
  /** From this many feeds to load, one read of every bucket beats one index read per SLO. */
  static final int READ_ALL_FROM = 50;

  private FeedLoading() {}

  static void load(SloStore.Tail tail, List<SloFeed> feeds, Instant now) {
    if (feeds.size() < READ_ALL_FROM) {
      feeds.forEach(feed -> feed.load(tail, now));
      return;
    }
    Map<String, String> fingerprints = tail.fingerprints();
    Map<String, BucketedFeed> restoring = new HashMap<>();
    for (SloFeed feed : feeds) {
      String name = feed.spec().name();
      if (feed instanceof BucketedFeed bucketed) {
        if (bucketed.fingerprint().equals(fingerprints.get(name))) {
          bucketed.forget();
          restoring.put(name, bucketed);
        } else {
          bucketed.rebuild(tail, now);
        }
      } else {
        feed.load(tail, now);
      }
    }
    if (!restoring.isEmpty()) {
      tail.eachBucket(
          bucket -> {
            BucketedFeed feed = restoring.get(bucket.slo());
            if (feed != null) {
              feed.restore(bucket);
            }
          });
    }
  }
}
