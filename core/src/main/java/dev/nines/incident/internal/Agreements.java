package dev.nines.incident.internal;

import dev.nines.incident.Cause;
import dev.nines.incident.SubjectKind;
import dev.nines.incident.TouchedAgreement;
import dev.nines.spec.AgreementSpec;
import dev.nines.spec.ConsumerSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds the consumers' agreements a failure touches. */
public final class Agreements {
  private final List<ConsumerSpec> consumers;

  public Agreements(Collection<ConsumerSpec> consumers) {
    this.consumers = List.copyOf(consumers);
  }

  /**
   * Agreements covering the cause itself (its check, its dataset, its pipeline) or any of the
   * datasets involved (a source's datasets, a pipeline's downstream, joined impact).
   */
  public List<TouchedAgreement> touchedBy(Cause cause, Collection<String> datasets) {
    List<TouchedAgreement> touched = new ArrayList<>();
    for (ConsumerSpec consumer : consumers) {
      for (AgreementSpec agreement : consumer.agreements()) {
        if (covers(agreement, cause, datasets)) {
          touched.add(
              new TouchedAgreement(consumer.name(), agreement.promise(), consumer.breach()));
        }
      }
    }
    return touched;
  }

  private static boolean covers(AgreementSpec agreement, Cause cause, Collection<String> datasets) {
    String subject = cause.subject().name();
    if (cause.subject().kind() == SubjectKind.SLO) {
      return agreement.coversSlo(subject);
    }
    if (cause.subject().kind() == SubjectKind.PIPELINE && agreement.coversPipeline(subject)) {
      return true;
    }
    if (cause.subject().kind() == SubjectKind.DATASET
        && !cause.isDatasetError()
        && agreement.coversCheck(subject, cause.name())) {
      return true;
    }
    return datasets.stream()
        .anyMatch(
            dataset ->
                dataset.equals(subject) && !cause.isDatasetError()
                    ? agreement.datasets().contains(dataset)
                    : agreement.coversDataset(dataset));
  }
}
