package dev.nines.server.notify;

import dev.nines.incident.Incident;
import dev.nines.notify.RoutedChannel;
import dev.nines.notify.Router;
import dev.nines.remediation.RemediationOffer;
import dev.nines.remediation.RemediationOffers;
import dev.nines.spec.ConsumerSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.RemediationSpec.Runbook;
import dev.nines.spec.Spec;
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
      case SOURCE, SLO -> List.of();
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
   * The runbook and remediation actions on offer, as {@code nines remediate} sees them: the first
   * runbook shown apart, every offer in words.
   */
  Remedies remedies(Incident incident) {
    RemediationOffers offers = new RemediationOffers(spec);
    String runbook =
        offers.forIncident(incident).stream()
            .map(RemediationOffer::action)
            .filter(Runbook.class::isInstance)
            .map(action -> ((Runbook) action).link())
            .findFirst()
            .orElse(null);
    return new Remedies(runbook, offers.inWords(incident));
  }
}
