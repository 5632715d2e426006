package dev.nines.spec;

/**
 * One thing wrong with a spec: where, which field (a dotted path such as {@code
 * datasets.orders.checks[0].freshness.warn}), what is wrong, and a hint to fix it (may be null).
 */
public record SpecProblem(SpecLocation location, String field, String message, String hint) {
  @Override
  public String toString() {
    String where = field == null || field.isEmpty() ? "" : field + ": ";
    String text = location + ": " + where + message;
    return hint == null || hint.isBlank() ? text : text + " (" + hint + ")";
  }
}
