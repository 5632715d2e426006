package dev.nines.store.slo;

import dev.nines.store.SloBucket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts added to buckets during a pass, merged per bucket so each is written once. */
final class BucketDeltas {
  private record Key(String slo, int widthSeconds, long bucketNumber) {}

  private final Map<Key, long[]> counts = new LinkedHashMap<>();

  /** Adds to the minute and the hour bucket holding {@code epochSecond}. */
  void add(String slo, long epochSecond, long good, long bad, long noData) {
    for (int width : new int[] {SloBucket.MINUTE, SloBucket.HOUR}) {
      long[] sum =
          counts.computeIfAbsent(
              new Key(slo, width, Math.floorDiv(epochSecond, width)), key -> new long[3]);
      sum[0] += good;
      sum[1] += bad;
      sum[2] += noData;
    }
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  List<SloBucket> buckets() {
    List<SloBucket> buckets = new ArrayList<>(counts.size());
    counts.forEach(
        (key, sum) ->
            buckets.add(
                new SloBucket(
                    key.slo(), key.widthSeconds(), key.bucketNumber(), sum[0], sum[1], sum[2])));
    return buckets;
  }
}
