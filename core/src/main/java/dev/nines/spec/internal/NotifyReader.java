package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.incident.Severity;
import dev.nines.notify.BusinessHours;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.DeliverySettings;
import dev.nines.notify.DigestSchedule;
import dev.nines.notify.MaintenanceWindow;
import dev.nines.notify.Route;
import dev.nines.notify.RouteMatch;
import dev.nines.observation.Kind;
import dev.nines.pipeline.CronSchedule;
import dev.nines.pipeline.InvalidCronException;
import dev.nines.spec.NotifySpec;
import dev.nines.spec.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the {@code notify:} section (its members merged across files) and checks what it names:
 * channel types and their options, the channels routes and consumers send to, datasets and
 * pipelines of maintenance windows. Option values are never put in messages: they hold secrets.
 */
final class NotifyReader {
  private final Fields fields;
  private final Problems problems;
  private final Map<String, ChannelType> channelTypes;
  private final BusinessHoursReader hoursReader;
  // names as declared, valid or not, so a broken channel is not also reported as undefined
  private final Set<String> declaredChannels = new LinkedHashSet<>();

  /**
   * @param channelTypes the known channel types by name; when empty, types and options are not
   *     checked (no registry was given)
   */
  NotifyReader(Fields fields, Collection<ChannelType> channelTypes) {
    this.fields = fields;
    this.problems = fields.problems();
    this.channelTypes =
        channelTypes.stream()
            .collect(
                Collectors.toMap(
                    ChannelType::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    this.hoursReader = new BusinessHoursReader(fields);
  }

  /** The section; {@link NotifySpec#NONE} when absent. */
  NotifySpec read(Map<String, Located> section, Names names) {
    if (section.isEmpty()) {
      return NotifySpec.NONE;
    }
    for (Located member : section.values()) {
      if (!NotifyKeys.NOTIFY.contains(member.key())) {
        problems.add(
            member.keyLocation(),
            member.field(),
            "unknown key '"
                + member.key()
                + "' in notify"
                + Suggestions.didYouMean(member.key(), NotifyKeys.NOTIFY),
            "known keys: " + String.join(", ", NotifyKeys.NOTIFY));
      }
    }
    Map<String, ChannelConfig> channels = channels(section.get("channels"));
    Located channelSection = section.get("channels");
    if (channelSection != null) {
      channelSection.members().forEach(member -> declaredChannels.add(member.key()));
    }
    BusinessHours hours = BusinessHours.DEFAULT;
    Located hoursValue = section.get("business_hours");
    if (hoursValue != null && !hoursValue.isAbsent()) {
      BusinessHours read = hoursReader.read(hoursValue, BusinessHours.DEFAULT);
      hours = read == null ? BusinessHours.DEFAULT : read;
    }
    List<Route> routes = routes(section.get("routes"), declaredChannels, hours, names);
    return new NotifySpec(
        link(section.get("link")),
        channels,
        routes,
        hours,
        maintenance(section.get("maintenance"), hours, names),
        delivery(section.get("delivery")));
  }

  /** Checks that each consumer's {@code notify:} names declared channels; call after read. */
  void checkConsumerChannels(Map<String, Located> consumers) {
    Set<String> channels = declaredChannels;
    for (Located consumer : consumers.values()) {
      Located notify = consumer.child("notify");
      if (notify.isAbsent() || !notify.node().isArray()) {
        continue; // the consumers reader reports shapes
      }
      for (Located item : notify.items()) {
        channelReference(item, channels, "consumer " + consumer.key());
      }
    }
  }

  private String link(Located value) {
    String link = value == null ? null : fields.text(value);
    if (link != null && !link.startsWith("http://") && !link.startsWith("https://")) {
      problems.add(
          value.location(),
          value.field(),
          "link must be an http:// or https:// url",
          "the address people open Nines at, e.g. https://nines.example.com");
      return null;
    }
    return link;
  }

  private Map<String, ChannelConfig> channels(Located section) {
    Map<String, ChannelConfig> channels = new LinkedHashMap<>();
    if (section == null
        || section.isAbsent()
        || !fields.map(section, "a map of channels by name")) {
      return channels;
    }
    for (Located entry : section.members()) {
      fields.validName(entry.key(), entry, "channel");
      ChannelConfig channel = channel(entry);
      if (channel != null) {
        channels.put(entry.key(), channel);
      }
    }
    return channels;
  }

  private ChannelConfig channel(Located entry) {
    String example = "a map with one channel type, e.g. { slack: { webhook: ${SLACK_URL} } }";
    if (!fields.map(entry, example)) {
      return null;
    }
    List<Located> members = entry.members();
    if (members.size() != 1) {
      problems.add(
          entry.location(),
          entry.field(),
          "channel " + entry.key() + " must name exactly one type, got " + members.size(),
          typeHint());
      return null;
    }
    Located typed = members.get(0);
    String type = typed.key();
    ChannelType channelType = channelTypes.get(type);
    if (!channelTypes.isEmpty() && channelType == null) {
      problems.add(
          typed.keyLocation(),
          typed.field(),
          "unknown channel type '"
              + type
              + "'"
              + Suggestions.didYouMean(type, channelTypes.keySet()),
          typeHint());
      return null;
    }
    if (!typed.node().isObject()) {
      fields.wrongKind(typed, "a map of " + type + " options");
      return null;
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (Located option : typed.members()) {
      JsonNode node = option.node();
      if (node.isArray()) {
        List<String> items = fields.textList(option);
        options.put(option.key(), String.join(",", items));
      } else if (node.isValueNode() && !node.isNull()) {
        options.put(option.key(), node.asText());
      } else {
        fields.wrongKind(option, "text or a list of texts");
      }
    }
    if (channelType != null) {
      checkOptions(typed, channelType, options);
    }
    return new ChannelConfig(entry.key(), type, options);
  }

  private void checkOptions(Located typed, ChannelType type, Map<String, String> options) {
    List<String> known = new ArrayList<>(type.requiredOptions());
    known.addAll(type.optionalOptions());
    fields.rejectUnknownKeys(typed, known, typed.key() + " channel " + typed.field());
    for (String required : type.requiredOptions()) {
      if (!options.containsKey(required)) {
        problems.add(
            typed.keyLocation(),
            typed.field(),
            type.name() + " channel needs '" + required + "'",
            "required: " + String.join(", ", type.requiredOptions()));
      } else if (options.get(required).isBlank()) {
        problems.add(
            typed.child(required).location(),
            typed.child(required).field(),
            "must not be empty",
            "if it comes from ${VAR}, set that variable");
      }
    }
  }

  private String typeHint() {
    return channelTypes.isEmpty()
        ? "e.g. slack, pagerduty, opsgenie, teams, webhook, email, alertmanager"
        : "channel types: " + String.join(", ", channelTypes.keySet());
  }

  private List<Route> routes(
      Located section, Set<String> channels, BusinessHours hours, Names names) {
    List<Route> routes = new ArrayList<>();
    if (section == null || section.isAbsent()) {
      return routes;
    }
    if (!section.node().isArray()) {
      fields.wrongKind(section, "a list of routes");
      return routes;
    }
    for (Located entry : section.items()) {
      Route route = route(entry, channels, hours, names);
      if (route != null) {
        routes.add(route);
      }
    }
    return routes;
  }

  private Route route(Located entry, Set<String> channels, BusinessHours hours, Names names) {
    if (!fields.map(entry, "a map with match, channels and timing")) {
      return null;
    }
    fields.rejectUnknownKeys(entry, NotifyKeys.ROUTE, "a route");
    Located channelList = entry.child("channels");
    if (channelList.isAbsent()) {
      problems.add(entry.location(), channelList.field(), "a route needs 'channels'");
    }
    List<String> routeChannels = fields.textList(channelList);
    for (Located item : channelList.items()) {
      channelReference(item, channels, "this route");
    }
    Route.Hours routeHours = routeHours(entry.child("business_hours"), hours);
    DigestSchedule digest = digest(entry.child("digest"), routeHours, hours);
    Located continueValue = entry.child("continue");
    boolean continueMatching = true;
    if (!continueValue.isAbsent()) {
      if (continueValue.node().isBoolean()) {
        continueMatching = continueValue.node().booleanValue();
      } else {
        fields.wrongKind(continueValue, "true or false");
      }
    }
    return new Route(
        match(entry.child("match"), names),
        routeChannels,
        nonNegative(entry.child("group_wait")),
        nonNegative(entry.child("group_interval")),
        nonNegative(entry.child("repeat_interval")),
        routeHours,
        digest,
        continueMatching);
  }

  private void channelReference(Located item, Set<String> channels, String where) {
    String name = item.node().isValueNode() ? item.node().asText() : null;
    if (name != null && !channels.contains(name)) {
      problems.add(
          item.location(),
          item.field(),
          "channel '" + name + "' is not defined" + Suggestions.didYouMean(name, channels),
          channels.isEmpty()
              ? "declare it under notify: channels:"
              : "channels: " + String.join(", ", channels) + " (named by " + where + ")");
    }
  }

  private RouteMatch match(Located value, Names names) {
    if (value.isAbsent()) {
      return RouteMatch.ANY;
    }
    if (!fields.map(value, "a map with severity, owner, consumer, tags, kind, dataset, pipeline")) {
      return RouteMatch.ANY;
    }
    fields.rejectUnknownKeys(value, NotifyKeys.MATCH, "a route's match");
    Set<Severity> severities = EnumSet.noneOf(Severity.class);
    for (String text : list(value.child("severity"))) {
      try {
        severities.add(Severity.valueOf(text.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(
            value.child("severity").location(),
            value.child("severity").field(),
            "unknown severity '" + text + "'",
            "severities: SEV1, SEV2, SEV3, INFO");
      }
    }
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (String text : list(value.child("kind"))) {
      try {
        kinds.add(Kind.valueOf(text.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(
            value.child("kind").location(),
            value.child("kind").field(),
            "unknown kind '" + text + "'",
            "kinds: SYSTEM, DATA");
      }
    }
    List<String> datasets = list(value.child("dataset"));
    references(value.child("dataset"), datasets, names.datasets(), "dataset", "datasets:");
    List<String> pipelines = list(value.child("pipeline"));
    references(value.child("pipeline"), pipelines, names.pipelines(), "pipeline", "pipelines:");
    List<String> consumers = list(value.child("consumer"));
    references(value.child("consumer"), consumers, names.consumers(), "consumer", "consumers:");
    return new RouteMatch(
        severities,
        list(value.child("owner")),
        consumers,
        list(value.child("tags")),
        kinds,
        datasets,
        pipelines);
  }

  /** One value or a list of them. */
  private List<String> list(Located value) {
    if (value.isAbsent()) {
      return List.of();
    }
    if (value.node().isArray()) {
      return fields.textList(value);
    }
    String text = fields.text(value);
    return text == null ? List.of() : List.of(text);
  }

  private Route.Hours routeHours(Located value, BusinessHours hours) {
    if (value.isAbsent()) {
      return null;
    }
    if (value.node().isBoolean()) {
      return value.node().booleanValue() ? Route.Hours.of(hours) : Route.Hours.NEVER;
    }
    if (value.node().isObject()) {
      BusinessHours own = hoursReader.read(value, hours);
      return own == null ? null : Route.Hours.of(own);
    }
    fields.wrongKind(value, "true, false, or a map with zone, days and hours");
    return null;
  }

  private DigestSchedule digest(Located value, Route.Hours routeHours, BusinessHours hours) {
    String text = fields.text(value);
    if (text == null) {
      return null;
    }
    BusinessHours zoneFrom =
        routeHours != null && routeHours.hours() != null ? routeHours.hours() : hours;
    try {
      return DigestSchedule.parse(text, zoneFrom.zone());
    } catch (IllegalArgumentException e) {
      problems.add(
          value.location(),
          value.field(),
          e.getMessage(),
          "write daily HH:MM, e.g. daily 09:00 (read in the business hours' zone)");
      return null;
    }
  }

  private Duration nonNegative(Located value) {
    if (!value.isAbsent() && value.node().isTextual()) {
      String text = value.node().textValue().strip();
      if (text.equals("0") || text.matches("0+(ms|s|m|h)")) {
        return Duration.ZERO; // zero is a valid wait: send at once
      }
    }
    return fields.duration(value);
  }

  private List<MaintenanceWindow> maintenance(Located section, BusinessHours hours, Names names) {
    List<MaintenanceWindow> windows = new ArrayList<>();
    if (section == null || section.isAbsent()) {
      return windows;
    }
    if (!section.node().isArray()) {
      fields.wrongKind(section, "a list of maintenance windows");
      return windows;
    }
    for (Located entry : section.items()) {
      if (!fields.map(entry, "a map with datasets, cron, duration and reason")) {
        continue;
      }
      fields.rejectUnknownKeys(entry, NotifyKeys.MAINTENANCE, "a maintenance window");
      List<String> datasets = fields.textList(entry.child("datasets"));
      references(entry.child("datasets"), datasets, names.datasets(), "dataset", "datasets:");
      List<String> pipelines = fields.textList(entry.child("pipelines"));
      references(entry.child("pipelines"), pipelines, names.pipelines(), "pipeline", "pipelines:");
      List<String> sources = fields.textList(entry.child("sources"));
      references(entry.child("sources"), sources, names.sources(), "source", "sources:");
      if (datasets.isEmpty() && pipelines.isEmpty() && sources.isEmpty()) {
        problems.add(
            entry.location(),
            entry.field(),
            "a maintenance window must name datasets, pipelines or sources");
      }
      String cronText = fields.requiredText(entry, "cron", "a maintenance window");
      Duration duration = fields.duration(entry.child("duration"));
      if (entry.child("duration").isAbsent()) {
        problems.add(entry.location(), entry.field() + ".duration", "needs 'duration'");
      }
      CronSchedule cron = null;
      if (cronText != null) {
        try {
          cron = CronSchedule.parse(cronText, hours.zone());
        } catch (InvalidCronException e) {
          problems.add(
              entry.child("cron").location(),
              entry.child("cron").field(),
              "'" + cronText + "' is not a valid cron expression: " + e.getMessage(),
              "five fields: minute hour day-of-month month day-of-week, e.g. \"0 1 * * SUN\"");
        }
      }
      if (cron != null && duration != null) {
        windows.add(
            new MaintenanceWindow(
                datasets, pipelines, sources, cron, duration, fields.text(entry.child("reason"))));
      }
    }
    return windows;
  }

  private DeliverySettings delivery(Located value) {
    if (value == null || value.isAbsent()) {
      return DeliverySettings.DEFAULT;
    }
    if (!fields.map(value, "a map with give_up_after and max_backoff")) {
      return DeliverySettings.DEFAULT;
    }
    fields.rejectUnknownKeys(value, NotifyKeys.DELIVERY, "delivery");
    Duration giveUp = fields.duration(value.child("give_up_after"));
    Duration maxBackoff = fields.duration(value.child("max_backoff"));
    DeliverySettings defaults = DeliverySettings.DEFAULT;
    Duration first = defaults.firstBackoff();
    Duration cap = maxBackoff == null ? defaults.maxBackoff() : maxBackoff;
    return new DeliverySettings(
        giveUp == null ? defaults.giveUpAfter() : giveUp,
        cap.compareTo(first) < 0 ? first : cap,
        first);
  }

  /** Reports each written name (one value or a list) that {@code known} does not hold. */
  private void references(
      Located value, List<String> written, Set<String> known, String what, String section) {
    List<Located> items = value.node().isArray() ? value.items() : List.of(value);
    for (Located item : items) {
      String name = item.node().isValueNode() ? item.node().asText() : null;
      if (name != null && written.contains(name) && !known.contains(name)) {
        problems.add(
            item.location(),
            item.field(),
            what + " '" + name + "' is not defined" + Suggestions.didYouMean(name, known),
            known.isEmpty()
                ? "declare it under " + section
                : "defined: " + String.join(", ", known));
      }
    }
  }

  /** The names other sections declare, for reference checks. */
  record Names(
      Set<String> datasets, Set<String> pipelines, Set<String> sources, Set<String> consumers) {}
}
