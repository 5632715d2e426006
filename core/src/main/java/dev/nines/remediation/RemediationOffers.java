package dev.nines.remediation;

import dev.nines.incident.Incident;
import dev.nines.incident.Subject;
import dev.nines.remediation.internal.AgreementRemedy;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.RemediationSpec;
import dev.nines.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which remediation actions an incident is offered, from the spec: its pipeline's (a pipeline
 * incident), those of the pipelines writing its dataset (a dataset incident) or the datasets of a
 * source that is down, the dataset's runbook, and the remedies of the affected consumers'
 * agreements.
 */
public final class RemediationOffers {
  private final Spec spec;

  public RemediationOffers(Spec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** The offers, most specific first, each name once. */
  public List<RemediationOffer> forIncident(Incident incident) {
    Map<String, RemediationOffer> offers = new LinkedHashMap<>();
    Subject subject = incident.subject();
    switch (subject.kind()) {
      case PIPELINE -> pipelineOffer(subject.name(), "the failing pipeline", offers);
      case DATASET -> datasetOffers(subject.name(), offers);
      case SOURCE -> {
        for (DatasetSpec dataset : spec.datasets().values()) {
          if (subject.name().equals(dataset.source())) {
            datasetOffers(dataset.name(), offers);
          }
        }
      }
    }
    List<AgreementRemedy> remedies = AgreementRemedy.of(spec.consumers(), incident.consumers());
    int shown = 0;
    for (AgreementRemedy remedy : remedies) {
      if (!incident.agreements().isEmpty() && !incident.agreements().contains(remedy.promise())) {
        continue;
      }
      String reason = "agreement with " + remedy.consumer() + quoted(remedy.promise());
      if (spec.pipelines().containsKey(remedy.remedy())) {
        pipelineOffer(remedy.remedy(), reason, offers);
      } else {
        shown++;
        String name = "agreement_" + remedy.consumer() + (shown == 1 ? "" : "_" + shown);
        offers.putIfAbsent(name, RemediationOffer.shown(name, reason, remedy.remedy()));
      }
    }
    return List.copyOf(offers.values());
  }

  /** The offer named {@code name}, or the first runnable one when {@code name} is null. */
  public Optional<RemediationOffer> pick(Incident incident, String name) {
    return forIncident(incident).stream()
        .filter(offer -> name == null ? offer.runnable() : offer.name().equals(name))
        .findFirst();
  }

  /** The offers Nines runs by itself when the incident opens or reopens. */
  public List<RemediationOffer> automatic(Incident incident) {
    return forIncident(incident).stream().filter(RemediationOffer::automatic).toList();
  }

  /** The offers in words, one line each, for notifications ({@code Alert.remediations}). */
  public List<String> inWords(Incident incident) {
    List<String> lines = new ArrayList<>();
    for (RemediationOffer offer : forIncident(incident)) {
      lines.add(
          offer.runnable()
              ? offer.describe()
                  + ": nines remediate "
                  + incident.id()
                  + " --action "
                  + offer.name()
              : offer.describe());
    }
    return lines;
  }

  private void datasetOffers(String dataset, Map<String, RemediationOffer> offers) {
    for (PipelineSpec pipeline : spec.pipelines().values()) {
      if (pipeline.outputs().contains(dataset)) {
        pipelineOffer(
            pipeline.name(), "pipeline " + pipeline.name() + " writes " + dataset, offers);
      }
    }
    DatasetSpec spec = this.spec.datasets().get(dataset);
    if (spec != null && spec.runbook() != null) {
      String name = "runbook_" + dataset;
      offers.putIfAbsent(
          name, RemediationOffer.shown(name, "runbook of dataset " + dataset, spec.runbook()));
    }
  }

  private void pipelineOffer(String name, String reason, Map<String, RemediationOffer> offers) {
    PipelineSpec pipeline = spec.pipelines().get(name);
    if (pipeline == null || pipeline.remediationSpec() == null || offers.containsKey(name)) {
      return;
    }
    RemediationSpec remediation = pipeline.remediationSpec();
    offers.put(
        name,
        new RemediationOffer(
            name,
            reason,
            remediation.action(),
            remediation.automatic(),
            remediation.maxAttempts()));
  }

  private static String quoted(String promise) {
    return promise.isBlank() ? "" : " '" + promise + "'";
  }
}
