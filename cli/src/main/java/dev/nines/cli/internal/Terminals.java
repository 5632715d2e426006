package dev.nines.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tells whether a standard stream is a terminal, which Java 17 has no direct API for. */
public final class Terminals {
  private Terminals() {}

  /**
   * Whether file descriptor {@code fd} (1 stdout, 2 stderr) is a terminal. Reads the descriptor's
   * link on Linux; elsewhere falls back to whether the JVM has a console.
   */
  public static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      if (Files.isSymbolicLink(link)) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (Exception e) {
      // not Linux or not readable: fall through
    }
    return System.console() != null;
  }
}
