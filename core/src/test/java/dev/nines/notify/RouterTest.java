package dev.nines.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Incident;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.observation.Kind;
import dev.nines.spec.NotifySpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {
  private static final Map<String, ChannelConfig> CHANNELS = new LinkedHashMap<>();

  static {
    for (String name : List.of("oncall", "team", "digest", "finance-chat")) {
      CHANNELS.put(name, new ChannelConfig(name, "webhook", Map.of("url", "http://x")));
    }
  }

  private static final List<Route> ROUTES =
      List.of(
          new Route(
              new RouteMatch(Set.of(Severity.SEV1), null, null, null, null, null, null),
              List.of("oncall"),
              Duration.ZERO,
              null,
              null,
              null,
              null,
              true),
          Route.to(
              new RouteMatch(null, List.of("data-eng"), null, null, Set.of(Kind.DATA), null, null),
              List.of("team")),
          new Route(
              new RouteMatch(
                  Set.of(Severity.SEV3), null, null, List.of("research"), null, null, null),
              List.of("digest"),
              null,
              null,
              null,
              null,
              DigestSchedule.parse("daily 09:00", java.time.ZoneId.of("UTC")),
              false),
          Route.to(RouteMatch.ANY, List.of("team")));

  private static final Router ROUTER =
      new Router(
          new NotifySpec(null, CHANNELS, ROUTES, null, List.of(), null),
          Map.of("finance", List.of("finance-chat", "oncall")),
          incident ->
              incident.subject().name().startsWith("ml_") ? List.of("research") : List.of());

  @ParameterizedTest(name = "{0} {1} {2} owner={3} consumers={4} -> {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "orders   | SEV1 | SYSTEM | data-eng | finance | oncall:0s:none,team:30s:none,finance-chat:30s:none",
        "orders   | SEV2 | DATA   | data-eng |         | team:30s:hours",
        "ml_feats | SEV3 | DATA   | research |         | digest:30s:digest",
        "ml_feats | SEV3 | DATA   | data-eng |         | team:30s:hours,digest:30s:digest",
        "orders   | INFO | DATA   | data-eng | finance | ''",
        "orders   | SEV2 | SYSTEM | web      | finance | team:30s:hours,finance-chat:30s:hours,oncall:30s:hours"
      })
  void an_incident_goes_to_the_channels_of_matching_routes_and_affected_consumers(
      String dataset,
      Severity severity,
      Kind kind,
      String owner,
      String consumers,
      String expected) {
    Incident incident =
        Incidents.open(
            1,
            Subject.dataset(dataset),
            severity,
            kind,
            owner,
            consumers == null ? List.of() : List.of(consumers));
    List<String> routed =
        ROUTER.route(incident).stream()
            .map(
                channel ->
                    channel.channel()
                        + ":"
                        + channel.groupWait().toSeconds()
                        + "s:"
                        + (channel.digest() != null
                            ? "digest"
                            : channel.businessHours() != null ? "hours" : "none"))
            .toList();
    assertThat(String.join(",", routed)).isEqualTo(expected);
  }
}
