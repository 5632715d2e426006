package dev.nines.server.api;

import java.util.List;

/** A reloaded spec was refused: the old one stays in force. Lists every problem. */
public final class InvalidSpecRequest extends ApiException {
  private final List<String> problems;

  public InvalidSpecRequest(List<String> problems) {
    super("the spec is invalid; the previous spec stays in force");
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String error() {
    return "invalid_spec";
  }
}
