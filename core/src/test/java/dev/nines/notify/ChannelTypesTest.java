package dev.nines.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelTypesTest {
  private final ChannelTypes types = ChannelTypes.standard();

  @Test
  void the_seven_vendor_types_are_registered_by_name() {
    assertThat(types.names())
        .containsExactly(
            "slack", "pagerduty", "opsgenie", "teams", "webhook", "email", "alertmanager");
    assertThat(types.get("pagerduty").requiredOptions()).containsExactly("routing_key");
  }

  @Test
  void an_unknown_type_suggests_the_nearest_name() {
    assertThatThrownBy(() -> types.get("slak"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown channel type 'slak' — did you mean 'slack'?")
        .hasMessageContaining("known: slack, pagerduty");
    assertThat(types.find("pager")).isEmpty();
  }

  @Test
  void problems_name_missing_and_unknown_options() {
    ChannelConfig channel =
        new ChannelConfig("oncall", "pagerduty", Map.of("routing_kye", "x", "api_url", "http://h"));

    assertThat(types.problems(channel))
        .containsExactly(
            "channel 'oncall' (pagerduty) needs the option 'routing_key'",
            "channel 'oncall' (pagerduty) has no option 'routing_kye' — did you mean"
                + " 'routing_key'? (options: routing_key, api_url)");
  }

  @Test
  void a_well_declared_channel_has_no_problems() {
    ChannelConfig channel =
        new ChannelConfig(
            "mail", "email", Map.of("to", "a@example.com", "from", "n@example.com", "host", "h"));

    assertThat(types.problems(channel)).isEmpty();
  }

  @Test
  void an_unknown_type_is_one_problem() {
    assertThat(types.problems(new ChannelConfig("x", "msteams", Map.of())))
        .singleElement()
        .asString()
        .startsWith("channel 'x': unknown channel type 'msteams'");
  }
}
