package dev.nines.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.incident.Incident;
import dev.nines.notify.RoutedChannel;
import dev.nines.notify.Router;
import dev.nines.spec.ConsumerSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the notifier needs from the spec: the router, incident links, runbooks and remedies. */
record Routing(Spec spec, Router router) {
  static Routing of(Spec spec) {
    Map<String, List<String>> consumerChannels = new LinkedHashMap<>();
    for (ConsumerSpec consumer : spec.consumers().values()) {
      consumerChannels.put(consumer.name(), consumer.channels());
    }
    return new Routing(
        spec, new Router(spec.notifications(), consumerChannels, incident -> tags(spec, incident)));
  }

  private static List<String> tags(Spec spec, Incident incident) {
    String name = incident.subject().name();
    return switch (incident.subject().kind()) {
      case DATASET -> {
        DatasetSpec dataset = spec.datasets().get(name);
        yield dataset == null ? List.of() : dataset.tags();
      }
      case PIPELINE -> {
        PipelineSpec pipeline = spec.pipelines().get(name);
        yield pipeline == null ? List.of() : pipeline.tags();
      }
      case SOURCE -> List.of();
    };
  }

  /**
   * The timing of {@code channel} for this incident: the route that chooses it now, or the default
   * timing at any hour when no route does any more (an acknowledge or resolve still goes there).
   */
  RoutedChannel routeOf(Incident incident, String channel) {
    return router.route(incident).stream()
        .filter(route -> route.channel().equals(channel))
        .findFirst()
        .orElseGet(
            () ->
                new RoutedChannel(
                    channel,
                    dev.nines.notify.Route.DEFAULT_GROUP_WAIT,
                    dev.nines.notify.Route.DEFAULT_GROUP_INTERVAL,
                    dev.nines.notify.Route.DEFAULT_REPEAT_INTERVAL,
                    null,
                    null));
  }

  String link(long incidentId) {
    return spec.notifications().incidentLink(incidentId);
  }

  /**
   * The runbook and remediation actions on offer: those of the incident's pipeline, or of the
   * pipelines writing its dataset.
   */
  Remedies remedies(Incident incident) {
    List<PipelineSpec> pipelines = new ArrayList<>();
    String name = incident.subject().name();
    switch (incident.subject().kind()) {
      case PIPELINE -> {
        PipelineSpec pipeline = spec.pipelines().get(name);
        if (pipeline != null) {
          pipelines.add(pipeline);
        }
      }
      case DATASET ->
          spec.pipelines().values().stream()
              .filter(pipeline -> pipeline.outputs().contains(name))
              .forEach(pipelines::add);
      case SOURCE -> {}
    }
    String runbook = null;
    List<String> actions = new ArrayList<>();
    for (PipelineSpec pipeline : pipelines) {
      JsonNode remediation = pipeline.remediation();
      if (remediation == null || !remediation.isObject()) {
        continue;
      }
      if (runbook == null && remediation.path("runbook").isTextual()) {
        runbook = remediation.path("runbook").textValue();
      }
      if (remediation.has("airflow")) {
        String dag = remediation.path("airflow").path("dag").asText(pipeline.name());
        actions.add("re-run Airflow DAG " + dag + " (nines remediate " + incident.id() + ")");
      }
      if (remediation.has("webhook")) {
        actions.add("call the remediation webhook of " + pipeline.name());
      }
    }
    return new Remedies(runbook, actions);
  }
}
