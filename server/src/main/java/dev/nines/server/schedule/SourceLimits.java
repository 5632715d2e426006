package dev.nines.server.schedule;

import dev.nines.spec.SourceSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * At most {@code max_connections} scheduled datasets of one source run at once in this process, so
 * a schedule never floods a warehouse. A source whose limit changes on reload gets a fresh gate;
 * runs holding the old one give their slot back to it.
 */
final class SourceLimits {
  private record Gate(int permits, Semaphore semaphore) {}

  private final Map<String, Gate> gates = new HashMap<>();

  /** A slot held until closed. */
  interface Slot extends AutoCloseable {
    /** For a dataset whose source is not defined: the runner reports it without connecting. */
    Slot NONE = () -> {};

    @Override
    void close();
  }

  /** A free slot on the source, or empty when all are taken. */
  Optional<Slot> tryAcquire(SourceSpec source) {
    Semaphore semaphore = gateOf(source);
    return semaphore.tryAcquire() ? Optional.of(semaphore::release) : Optional.empty();
  }

  private synchronized Semaphore gateOf(SourceSpec source) {
    Gate gate = gates.get(source.name());
    if (gate == null || gate.permits() != source.maxConnections()) {
      gate = new Gate(source.maxConnections(), new Semaphore(source.maxConnections()));
      gates.put(source.name(), gate);
    }
    return gate.semaphore();
  }
}
