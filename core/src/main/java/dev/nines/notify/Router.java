package dev.nines.notify;

import dev.nines.incident.Incident;
import dev.nines.incident.Severity;
import dev.nines.spec.NotifySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides where an incident's notifications go: the channels of every matching route (in order,
 * until one says {@code continue: false}) and the channels the affected consumers asked for. A
 * channel named twice keeps the timing of the first route that named it.
 *
 * <p>INFO incidents go nowhere unless a route names INFO. With no routes at all, incidents that no
 * consumer channel hears about go to every channel, so a spec with one channel needs no route.
 */
public final class Router {
  private final NotifySpec rules;
  private final Map<String, List<String>> consumerChannels;
  private final Function<Incident, List<String>> subjectTags;

  /**
   * @param rules the notify section
   * @param consumerChannels each consumer's {@code notify:} channels
   * @param subjectTags the tags of an incident's dataset or pipeline in the spec
   */
  public Router(
      NotifySpec rules,
      Map<String, List<String>> consumerChannels,
      Function<Incident, List<String>> subjectTags) {
    this.rules = rules;
    this.consumerChannels = Map.copyOf(consumerChannels);
    this.subjectTags = subjectTags;
  }

  /** The channels for this incident, each once, in route order then consumer order. */
  public List<RoutedChannel> route(Incident incident) {
    Map<String, RoutedChannel> chosen = new LinkedHashMap<>();
    List<String> tags = subjectTags.apply(incident);
    boolean info = incident.severity() == Severity.INFO;
    for (Route route : rules.routes()) {
      if ((info && !route.match().asksForInfo()) || !route.match().matches(incident, tags)) {
        continue;
      }
      for (String channel : route.channels()) {
        chosen.putIfAbsent(channel, timed(channel, route, incident.severity()));
      }
      if (!route.continueMatching()) {
        break;
      }
    }
    if (info) {
      return List.copyOf(chosen.values());
    }
    Route consumerDefaults = Route.to(RouteMatch.ANY, List.of());
    List<String> heard = new ArrayList<>();
    for (String consumer : incident.consumers()) {
      heard.addAll(consumerChannels.getOrDefault(consumer, List.of()));
    }
    if (rules.routes().isEmpty() && heard.isEmpty()) {
      heard.addAll(rules.channels().keySet());
    }
    for (String channel : heard) {
      if (rules.channels().containsKey(channel)) {
        chosen.putIfAbsent(channel, timed(channel, consumerDefaults, incident.severity()));
      }
    }
    return List.copyOf(chosen.values());
  }

  private RoutedChannel timed(String channel, Route route, Severity severity) {
    BusinessHours hours;
    if (route.businessHours() == null) {
      boolean waits = severity == Severity.SEV2 || severity == Severity.SEV3;
      hours = waits ? rules.businessHours() : null;
    } else {
      hours = route.businessHours().hours();
    }
    DigestSchedule digest = route.digest();
    return new RoutedChannel(
        channel, route.groupWait(), route.groupInterval(), route.repeatInterval(), hours, digest);
  }
}
