package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.util.Locale;

/** Turns store failures into one line a person can act on. */
final class StoreProblems {
  private StoreProblems() {}

  /** The store's own message when it explains itself, else what failed with the root cause. */
  static String describe(String what, StoreSpec store, RuntimeException failure) {
    if (failure instanceof NinesException && failure.getMessage() != null) {
      return failure.getMessage();
    }
    return what + " at " + printable(store.url()) + ": " + rootMessage(failure);
  }

  static void closeQuietly(NinesStore store) {
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
