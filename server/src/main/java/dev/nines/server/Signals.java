package dev.nines.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SIGHUP through {@code sun.misc.Signal}, where the JVM and the platform offer it. */
final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  static boolean onHangup(Runnable action) {
    try {
      sun.misc.Signal.handle(
          new sun.misc.Signal("HUP"),
          signal -> {
            LOG.info("SIGHUP received: reloading the spec");
            action.run();
          });
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
      LOG.info("SIGHUP is not available here ({}); reload with POST /api/v1/reload", e.toString());
      return false;
    }
  }
}
