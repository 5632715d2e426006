package dev.nines.spec;

import dev.nines.NinesException;
import java.util.List;

/** The spec could not be accepted; carries every problem found, not just the first. */
public class InvalidSpecException extends NinesException {
  private final List<SpecProblem> problems;

  public InvalidSpecException(List<SpecProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<SpecProblem> problems() {
    return problems;
  }

  private static String summary(List<SpecProblem> problems) {
    StringBuilder text = new StringBuilder();
    text.append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems")
        .append(" in the spec:");
    for (SpecProblem problem : problems) {
      text.append(System.lineSeparator()).append("  ").append(problem);
    }
    return text.toString();
  }
}
