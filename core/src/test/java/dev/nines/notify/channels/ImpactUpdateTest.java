package dev.nines.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Subject;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelTypes;
import dev.nines.notify.DigestSchedule;
import dev.nines.notify.GroupState;
import dev.nines.notify.Grouping;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.RoutedChannel;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpactUpdateTest {
  private static final List<Subject> ADDED = List.of(Subject.dataset("revenue"));
  private static final RoutedChannel AT_ONCE =
      new RoutedChannel(
          "oncall", Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(4), null, null);

  private static List<OutboundMessage> update(String type, Map<String, String> options) {
    return ChannelTypes.standard()
        .get(type)
        .renderImpact(SampleAlerts.channel(type, options), SampleAlerts.trigger(), ADDED);
  }

  @Test
  void pagerduty_opsgenie_alertmanager_and_email_take_no_update() {
    assertThat(update("pagerduty", Map.of("routing_key", "k"))).isEmpty();
    assertThat(update("opsgenie", Map.of("api_key", "k"))).isEmpty();
    assertThat(update("alertmanager", Map.of("url", "http://am.test"))).isEmpty();
    assertThat(update("email", Map.of("to", "a@b.test", "from", "n@b.test", "host", "smtp")))
        .isEmpty();
  }

  @Test
  void slack_says_in_one_short_message_what_the_incident_now_also_affects() {
    OutboundMessage slack = update("slack", Map.of("webhook", "https://hooks.test/s")).get(0);
    assertThat(slack.target()).isEqualTo("https://hooks.test/s");
    assertThat(SampleAlerts.json(slack.body()).path("text").asText())
        .isEqualTo("[SEV1] orders: freshness FAIL (incident #12) now also affects dataset revenue");
    assertThat(SampleAlerts.json(slack.body()).path("blocks")).hasSize(2);
  }

  @Test
  void the_webhook_event_names_the_subjects_that_joined_and_the_whole_incident() {
    OutboundMessage hook = update("webhook", Map.of("url", "https://hooks.test/w")).get(0);
    var body = SampleAlerts.json(hook.body());
    assertThat(body.path("kind").asText()).isEqualTo("impact_added");
    assertThat(body.path("impact_added").toString())
        .isEqualTo("[{\"kind\":\"DATASET\",\"name\":\"revenue\"}]");
    assertThat(body.path("alert").path("incident").path("impact")).hasSize(2);
    assertThat(hook.headers()).containsKey("X-Nines-Delivery");
  }

  @Test
  void only_a_firing_group_that_counted_its_impact_hears_what_joined_since() {
    Alert alert = SampleAlerts.trigger(); // impact: orders_daily, revenue
    GroupState heardOne =
        GroupState.fresh(12, "oncall", null)
            .sent(AlertAction.TRIGGER, alert.incident().severity(), 1, alert.at(), null);
    assertThat(Grouping.impactAdded(heardOne, alert.incident(), AT_ONCE))
        .containsExactly(Subject.dataset("revenue"));
    assertThat(Grouping.impactAdded(heardOne.heardImpact(2), alert.incident(), AT_ONCE)).isEmpty();
    GroupState unknown =
        new GroupState(12, "oncall", heardOne.sent(), null, alert.at(), null, 1, null, null);
    assertThat(Grouping.impactAdded(unknown, alert.incident(), AT_ONCE)).isEmpty();
    GroupState neverSent = GroupState.fresh(12, "oncall", null);
    assertThat(Grouping.impactAdded(neverSent, alert.incident(), AT_ONCE)).isEmpty();
    RoutedChannel digest =
        new RoutedChannel(
            "oncall",
            Duration.ZERO,
            Duration.ofMinutes(1),
            Duration.ofHours(4),
            null,
            DigestSchedule.parse("daily 09:00", ZoneOffset.UTC));
    assertThat(Grouping.impactAdded(heardOne, alert.incident(), digest)).isEmpty();
    assertThat(Grouping.impactAdded(heardOne, SampleAlerts.resolve().incident(), AT_ONCE))
        .isEmpty();
  }
}
