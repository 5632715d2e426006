package dev.nines.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What every failed call answers.
 *
 * @param error a short code, e.g. {@code bad_request}
 * @param detail what went wrong, for a person
 * @param problems each problem when there are several (an invalid spec); omitted when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String error, String detail, List<String> problems) {
  public ErrorBody {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
