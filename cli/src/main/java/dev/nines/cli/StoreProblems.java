package dev.nines.cli;

import dev.nines.cli.internal.RunStore;
import dev.nines.spec.StoreSpec;
import java.util.Locale;

/** Turns store failures into one line a person can act on. */
final class StoreProblems {
  private StoreProblems() {}

  static String describe(String what, StoreSpec store, RuntimeException failure) {
    return what + " at " + printable(store.url()) + ": " + rootMessage(failure);
  }

  static void closeQuietly(RunStore store) {
    try {
      store.close();
    } catch (RuntimeException e) {
      // the results are already saved or the failure already reported
    }
  }

  /** The url, unless it carries a password inline. */
  static String printable(String url) {
    if (url == null) {
      return "<no url>";
    }
    return url.toLowerCase(Locale.ROOT).contains("password") ? "<url with a password>" : url;
  }

  /** The deepest cause's message: usually the database's own words. */
  static String rootMessage(Throwable failure) {
    Throwable deepest = failure;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message = deepest.getMessage();
    if (message == null || message.isBlank()) {
      message = deepest.getClass().getSimpleName();
    }
    String top = failure.getMessage();
    if (deepest != failure && top != null && !top.isBlank() && !top.contains(message)) {
      return top + " (" + message + ")";
    }
    return message;
  }
}
