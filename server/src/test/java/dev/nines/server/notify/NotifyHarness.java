package dev.nines.server.notify;

import dev.nines.check.CheckTypes;
import dev.nines.notify.ChannelTypes;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import dev.nines.store.NotificationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** A store, a spec with a notify section, and the notifier's parts on a hand-moved clock. */
final class NotifyHarness implements AutoCloseable {
  final TestClock clock;
  final NinesStore store;
  private final Path file;
  volatile Spec spec;
  final IncidentRows incidents;
  final Notifier notifier;
  final NotifierLoop loop;
  private final DeliveryWorker worker;

  NotifyHarness(StoreSpec storeSpec, Path folder, String notify, Instant start) throws IOException {
    clock = new TestClock(start);
    file = folder.resolve("nines.yml");
    Files.writeString(file, notify);
    spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    store = NinesStore.open(storeSpec);
    incidents = new IncidentRows(store.dataSource());
    notifier = new Notifier(() -> spec, store.notifications(), ChannelTypes.standard(), clock);
    worker = worker(Duration.ofSeconds(60));
    loop = new NotifierLoop(notifier, worker, Duration.ofMillis(200));
  }

  /** Another worker on the same store, as a restarted server would have. */
  DeliveryWorker worker(Duration lease) {
    return new DeliveryWorker(
        store.notifications(),
        new SecretResolvingSender(
            name -> Optional.ofNullable(spec.notifications().channels().get(name)),
            new HttpSender(Duration.ofMillis(700), clock)),
        () -> spec.notifications().delivery(),
        clock,
        new SplittableRandom(42),
        lease);
  }

  /** Puts another spec in force, as a server reload does. */
  void reload(String notify) throws IOException {
    Files.writeString(file, notify);
    spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
  }

  NotificationStore notifications() {
    return store.notifications();
  }

  /** Runs rounds until one does nothing. */
  void settle() {
    for (int round = 0; round < 20 && loop.round(); round++) {
      // keep going: a round may make more due
    }
  }

  @Override
  public void close() {
    loop.close();
    store.close();
  }
}
