package dev.nines.server.schedule;

import dev.nines.observation.Observation;
import dev.nines.run.RunListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Counts datasets running at once per group (e.g. per source), holding each for a while so that
 * runs overlap, and counts every start.
 */
final class ConcurrencyProbe implements RunListener {
  private final Function<String, String> groupOf;
  private final Duration hold;
  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> highest = new ConcurrentHashMap<>();
  private final AtomicInteger starts = new AtomicInteger();

  ConcurrencyProbe(Function<String, String> groupOf, Duration hold) {
    this.groupOf = groupOf;
    this.hold = hold;
  }

  @Override
  public void datasetStarted(String dataset, int index, int total) {
    starts.incrementAndGet();
    String group = groupOf.apply(dataset);
    int now = running.computeIfAbsent(group, key -> new AtomicInteger()).incrementAndGet();
    highest.computeIfAbsent(group, key -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(hold.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void datasetFinished(String dataset, List<Observation> observations) {
    running.get(groupOf.apply(dataset)).decrementAndGet();
  }

  int highest(String group) {
    AtomicInteger value = highest.get(group);
    return value == null ? 0 : value.get();
  }

  int starts() {
    return starts.get();
  }
}
