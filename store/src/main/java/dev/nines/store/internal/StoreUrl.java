package dev.nines.store.internal;

import dev.nines.NinesException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A store's JDBC url, checked: H2 (embedded file, memory or server) or PostgreSQL.
 *
 * @param url the url as written
 * @param engine which database it names
 */
public record StoreUrl(String url, Engine engine) {
  private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password=)[^&;]*");

  /** The databases the store's migrations are written for. */
  public enum Engine {
    H2,
    POSTGRESQL
  }

  /** Checks that {@code url} names a database the store supports. */
  public static StoreUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new NinesException("store.url is empty: " + supported());
    }
    String lower = url.trim().toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      return new StoreUrl(url.trim(), Engine.H2);
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return new StoreUrl(url.trim(), Engine.POSTGRESQL);
    }
    throw new NinesException(
        "store.url '" + redact(url) + "' is not a database the store supports: " + supported());
  }

  /** The url with any password setting masked, fit for messages and logs. */
  public String redacted() {
    return redact(url);
  }

  /**
   * The folder an H2 file database lives in, when the url names a file with an explicit path
   * ({@code ./x}, {@code /x}, {@code ~/x}); H2 itself rejects paths implicitly relative.
   */
  public Optional<Path> h2Folder() {
    if (engine != Engine.H2) {
      return Optional.empty();
    }
    String location = url.substring("jdbc:h2:".length());
    int settings = location.indexOf(';');
    location = settings >= 0 ? location.substring(0, settings) : location;
    if (location.regionMatches(true, 0, "file:", 0, 5)) {
      location = location.substring(5);
    } else if (location.matches("(?i)^(mem|tcp|ssl|zip|split|nio\\w*|async|memFS|memLZF):.*")) {
      return Optional.empty();
    }
    if (location.startsWith("~")) {
      location = System.getProperty("user.home") + location.substring(1);
    }
    Path file;
    try {
      file = Path.of(location);
    } catch (InvalidPathException e) {
      return Optional.empty(); // H2 reports the bad path itself
    }
    boolean explicit = file.isAbsolute() || location.startsWith("./") || location.startsWith("../");
    return explicit ? Optional.ofNullable(file.getParent()) : Optional.empty();
  }

  private static String redact(String url) {
    return url == null ? "" : PASSWORD_SETTING.matcher(url).replaceAll("$1***");
  }

  private static String supported() {
    return "the store keeps its history in H2 (jdbc:h2:file:./.nines/store;AUTO_SERVER=TRUE) or"
        + " PostgreSQL (jdbc:postgresql://host:5432/nines)";
  }
}
