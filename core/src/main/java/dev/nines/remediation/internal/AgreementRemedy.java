package dev.nines.remediation.internal;

import dev.nines.spec.AgreementSpec;
import dev.nines.spec.ConsumerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An agreement's {@code remediation:}: a pipeline's name or free text.
 *
 * @param consumer the consumer's name
 * @param promise the agreement's promise
 * @param remedy the remediation value as written
 */
public record AgreementRemedy(String consumer, String promise, String remedy) {

  /** Every agreement remedy of the named consumers, in spec order. */
  public static List<AgreementRemedy> of(Map<String, ConsumerSpec> consumers, List<String> names) {
    List<AgreementRemedy> remedies = new ArrayList<>();
    for (String name : names) {
      ConsumerSpec consumer = consumers.get(name);
      if (consumer == null) {
        continue;
      }
      for (AgreementSpec agreement : consumer.agreements()) {
        String remedy = agreement.remediation();
        if (remedy != null && !remedy.isBlank()) {
          remedies.add(new AgreementRemedy(name, agreement.promise(), remedy.strip()));
        }
      }
    }
    return remedies;
  }
}
