package dev.nines.spec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rules for table and column names taken from the spec. Names are checked here and always quoted by
 * the dialect when put into SQL, so a spec can never inject SQL through a name.
 */
public final class Identifiers {
  /** Letters, digits, underscore and dollar, not starting with a digit; up to 128 characters. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,127}");

  private Identifiers() {}

  /** Whether {@code name} is a plain identifier (one part, no dots or quotes). */
  public static boolean isPlain(String name) {
    return name != null && PLAIN.matcher(name).matches();
  }

  /** Whether {@code name} is one to three plain parts joined by dots: {@code db.schema.table}. */
  public static boolean isQualified(String name) {
    if (name == null || name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
      return false;
    }
    List<String> parts = split(name);
    return parts.size() <= 3 && parts.stream().allMatch(Identifiers::isPlain);
  }

  /** The dot-separated parts of a qualified name. */
  public static List<String> split(String qualified) {
    return List.of(qualified.split("\\.", -1));
  }

  /** The hint shown when a name is rejected. */
  public static String rule() {
    return "names are letters, digits, _ and $, not starting with a digit; qualify with dots as in"
        + " schema.table";
  }
}
