package dev.nines.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Severity;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.ChannelTypes;
import dev.nines.notify.OutboundMessage;
import dev.nines.observation.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the issue asks of every message, checked on every type. */
class EveryChannelTest {
  static List<String> types() {
    return ChannelTypes.standard().names();
  }

  @ParameterizedTest
  @MethodSource("types")
  void a_trigger_says_what_failed_since_when_who_is_affected_the_fix_the_kind_and_links(
      String name) {
    ChannelType type = ChannelTypes.standard().get(name);
    OutboundMessage message =
        type.render(
            channelFor(type), SampleAlerts.alert(AlertAction.TRIGGER, Severity.SEV1, Kind.SYSTEM));

    String said = everything(message);
    assertThat(said)
        .contains(SampleAlerts.FAILURE)
        .containsPattern("2026-11-26[ T]02:00")
        .contains("finance")
        .contains(SampleAlerts.RUNBOOK)
        .contains(SampleAlerts.REMEDIATION)
        .contains("SYSTEM")
        .contains(SampleAlerts.LINK);
  }

  @ParameterizedTest
  @MethodSource("types")
  void a_resolve_follows_for_the_same_incident(String name) {
    ChannelType type = ChannelTypes.standard().get(name);

    OutboundMessage message = type.render(channelFor(type), SampleAlerts.resolve());

    assertThat(everything(message))
        .containsPattern("nines-incident-12|incident #12|incidents/12")
        .containsPattern("(?i)resolve");
  }

  @ParameterizedTest
  @MethodSource("types")
  void a_group_names_every_incident_and_what_failed_in_it(String name) {
    ChannelType type = ChannelTypes.standard().get(name);

    List<OutboundMessage> messages =
        type.renderGroup(channelFor(type), SampleAlerts.burst(3), SampleAlerts.NOW);

    String said = String.join("\n", messages.stream().map(EveryChannelTest::everything).toList());
    for (int id = 1; id <= 3; id++) {
      assertThat(said).containsPattern("nines-incident-" + id + "|incidents/" + id + "\\b");
    }
    // a resolve to PagerDuty carries only its key, so failures are checked on the triggers
    assertThat(said).contains("duplicates found: 1", "duplicates found: 3", "DATA");
  }

  @ParameterizedTest
  @MethodSource("types")
  void an_empty_group_renders_nothing(String name) {
    ChannelType type = ChannelTypes.standard().get(name);

    assertThat(type.renderGroup(channelFor(type), List.of(), SampleAlerts.NOW)).isEmpty();
  }

  private static ChannelConfig channelFor(ChannelType type) {
    Map<String, String> options = new HashMap<>();
    for (String required : type.requiredOptions()) {
      options.put(
          required,
          required.equals("url") || required.equals("webhook")
              ? "https://receiver.example.com/in"
              : "value-of-" + required);
    }
    return SampleAlerts.channel(type.name(), options);
  }

  private static String everything(OutboundMessage message) {
    String body =
        message.body().startsWith("{") || message.body().startsWith("[")
            ? SampleAlerts.allText(SampleAlerts.json(message.body()))
            : message.body();
    return String.join(
        "\n",
        message.target(),
        String.valueOf(message.subject()),
        body,
        String.valueOf(message.textBody()));
  }
}
