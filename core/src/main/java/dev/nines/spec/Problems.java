package dev.nines.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a spec so they can be reported at once. */
public final class Problems {
  private final List<SpecProblem> found = new ArrayList<>();

  public void add(SpecLocation location, String field, String message, String hint) {
    found.add(new SpecProblem(location, field, message, hint));
  }

  public void add(SpecLocation location, String field, String message) {
    add(location, field, message, null);
  }

  public List<SpecProblem> list() {
    return List.copyOf(found);
  }

  /** How many problems were found so far. */
  public int size() {
    return found.size();
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws {@link InvalidSpecException} with everything collected, if anything was. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidSpecException(found);
    }
  }
}
