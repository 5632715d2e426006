package dev.nines.spec.internal;

import dev.nines.spec.SpecProblem;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that must never be shown: those of password-like keys and of password-like environment
 * variables. Problems are scrubbed of them before they leave the loader.
 */
public final class Secrets {
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(password|passwd|secret|token|api_?key|routing_key|webhook|credential).*");
  // shorter values would blank out ordinary words of the messages
  private static final int SHORTEST_SCRUBBED = 3;
  private static final String MASK = "****";

  private final Set<String> values = new LinkedHashSet<>();

  /** Whether a key or variable of this name holds a secret. */
  public static boolean isSecretName(String name) {
    return name != null && SECRET_NAME.matcher(name).matches();
  }

  public void add(String value) {
    if (value != null && value.length() >= SHORTEST_SCRUBBED) {
      values.add(value);
    }
  }

  /** The problems with every secret value replaced by a mask. */
  public List<SpecProblem> scrub(List<SpecProblem> problems) {
    // longest first, so a secret containing another is masked whole
    List<String> ordered =
        values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    return problems.stream()
        .map(
            problem ->
                new SpecProblem(
                    problem.location(),
                    scrub(problem.field(), ordered),
                    scrub(problem.message(), ordered),
                    scrub(problem.hint(), ordered)))
        .toList();
  }

  private static String scrub(String text, List<String> secrets) {
    if (text == null) {
      return null;
    }
    String scrubbed = text;
    for (String secret : secrets) {
      scrubbed = scrubbed.replace(secret, MASK);
    }
    return scrubbed;
  }
}
