package dev.nines.incident;

/** How urgently an incident needs a person; the order is from most to least urgent. */
public enum Severity {
  /** Page now, any hour. */
  SEV1("page now, any hour"),
  /** Next business day. */
  SEV2("next business day"),
  /** Next sprint. */
  SEV3("next sprint"),
  /** Record only, notify no one. */
  INFO("record only");

  private final String meaning;

  Severity(String meaning) {
    this.meaning = meaning;
  }

  /** What the level asks of people, e.g. {@code page now, any hour}. */
  public String meaning() {
    return meaning;
  }

  /** Whether this level is more urgent than {@code other}. */
  public boolean isMoreUrgentThan(Severity other) {
    return ordinal() < other.ordinal();
  }

  /** The more urgent of the two. */
  public static Severity mostUrgent(Severity a, Severity b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }
}
