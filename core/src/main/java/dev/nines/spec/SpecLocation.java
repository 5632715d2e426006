package dev.nines.spec;

/**
 * A place in a spec file, printed as {@code file:line:col}. Line and column start at 1; 0 means
 * unknown.
 */
public record SpecLocation(String file, int line, int column) {
  public static final SpecLocation UNKNOWN = new SpecLocation("<unknown>", 0, 0);

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
