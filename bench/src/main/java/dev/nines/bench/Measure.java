package dev.nines.bench;

/** The things the benchmark times, each once per repetition. */
public enum Measure {
  /** {@code select count(*)}: the baseline the issue names; DuckDB answers it from metadata. */
  COUNT_SCAN("`count(*)` scan"),
  /** One aggregate per column ({@code max(col)} × 20): a single pass that reads every column. */
  FULL_READ("full read (20 columns)"),
  /** One aggregate per column the checks touch: the least an exact pass over them must read. */
  CHECKED_READ("read of the checked columns"),
  /** The Nines check run of all the checks. */
  NINES("Nines, all checks"),
  /** The Nines check run of the checks one streaming aggregate serves. */
  NINES_SINGLE_PASS("Nines, single-pass checks"),
  /** The checks as hand-written queries, one per check, one after another. */
  NAIVE("naive, one query per check"),
  /** The naive queries of the single-pass checks only (summed from the same naive run). */
  NAIVE_SINGLE_PASS("naive, single-pass checks");

  private final String label;

  Measure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
