package dev.nines.remediation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An agreement's {@code remediation:} as written under {@code consumers:}: a pipeline's name or
 * free text. Read from the raw section so it works whether or not consumers are parsed yet.
 *
 * @param consumer the consumer's name
 * @param promise the agreement's promise, may be empty
 * @param remedy the remediation value as written
 */
public record AgreementRemedy(String consumer, String promise, String remedy) {

  /** Every agreement remedy of the named consumers, in spec order. */
  public static List<AgreementRemedy> of(JsonNode consumers, List<String> names) {
    List<AgreementRemedy> remedies = new ArrayList<>();
    if (consumers == null || !consumers.isObject()) {
      return remedies;
    }
    for (String name : names) {
      JsonNode agreements = consumers.path(name).path("agreements");
      for (JsonNode agreement : agreements) {
        JsonNode remedy = agreement.path("remediation");
        if (remedy.isValueNode() && !remedy.asText().isBlank()) {
          remedies.add(
              new AgreementRemedy(name, agreement.path("promise").asText(""), remedy.asText()));
        }
      }
    }
    return remedies;
  }
}
