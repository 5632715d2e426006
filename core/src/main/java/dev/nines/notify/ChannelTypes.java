package dev.nines.notify;

import dev.nines.notify.channels.AlertmanagerChannel;
import dev.nines.notify.channels.EmailChannel;
import dev.nines.notify.channels.OpsgenieChannel;
import dev.nines.notify.channels.PagerDutyChannel;
import dev.nines.notify.channels.SlackChannel;
import dev.nines.notify.channels.TeamsChannel;
import dev.nines.notify.channels.WebhookChannel;
import dev.nines.spec.internal.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The channel types by name, as written in the spec under {@code notify: channels:}. */
public final class ChannelTypes {
  private final Map<String, ChannelType> byName;
  private final List<String> names;

  private ChannelTypes(List<ChannelType> types) {
    Map<String, ChannelType> map = new LinkedHashMap<>();
    for (ChannelType type : types) {
      if (map.put(type.name(), type) != null) {
        throw new IllegalArgumentException("two channel types are named " + type.name());
      }
    }
    this.byName = Map.copyOf(map);
    this.names = List.copyOf(map.keySet());
  }

  /** The seven built-in types: slack, pagerduty, opsgenie, teams, webhook, email, alertmanager. */
  public static ChannelTypes standard() {
    return of(
        List.of(
            new SlackChannel(),
            new PagerDutyChannel(),
            new OpsgenieChannel(),
            new TeamsChannel(),
            new WebhookChannel(),
            new EmailChannel(),
            new AlertmanagerChannel()));
  }

  /** A registry of these types (tests, extensions). */
  public static ChannelTypes of(List<ChannelType> types) {
    return new ChannelTypes(types);
  }

  /** The type names, in registration order. */
  public List<String> names() {
    return names;
  }

  public Optional<ChannelType> find(String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name));
  }

  /** The type; an error naming the known types, with a did-you-mean hint, when unknown. */
  public ChannelType get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
  }

  /** {@code unknown channel type 'slak' — did you mean 'slack'? (known: slack, ...)}. */
  public String unknown(String name) {
    return "unknown channel type '"
        + name
        + "'"
        + Suggestions.didYouMean(String.valueOf(name), names)
        + " (known: "
        + String.join(", ", names)
        + ")";
  }

  /**
   * What is wrong with a channel's declaration, one sentence each: an unknown type, a missing
   * required option, an unknown option (with a did-you-mean hint). Empty when it is fine.
   */
  public List<String> problems(ChannelConfig channel) {
    List<String> problems = new ArrayList<>();
    Optional<ChannelType> type = find(channel.type());
    if (type.isEmpty()) {
      problems.add("channel '" + channel.name() + "': " + unknown(channel.type()));
      return problems;
    }
    List<String> known = new ArrayList<>(type.get().requiredOptions());
    known.addAll(type.get().optionalOptions());
    for (String required : type.get().requiredOptions()) {
      if (channel.option(required).filter(value -> !value.isBlank()).isEmpty()) {
        problems.add(
            "channel '"
                + channel.name()
                + "' ("
                + channel.type()
                + ") needs the option '"
                + required
                + "'");
      }
    }
    for (String written : Set.copyOf(channel.options().keySet()).stream().sorted().toList()) {
      if (!known.contains(written)) {
        problems.add(
            "channel '"
                + channel.name()
                + "' ("
                + channel.type()
                + ") has no option '"
                + written
                + "'"
                + Suggestions.didYouMean(written, known)
                + " (options: "
                + String.join(", ", known)
                + ")");
      }
    }
    return problems;
  }
}
