package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Severity;
import dev.nines.notify.Alert;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Route;
import dev.nines.notify.Transport;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifySpecValidationTest {
  private static final String BASE =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders: { source: warehouse, table: orders }
      consumers:
        finance: { breach: SEV1, notify: [oncall] }
      """;

  @TempDir Path folder;

  private SpecFiles files() {
    return new SpecFiles(folder)
        .channelTypes(
            List.of(
                new TestChannel("slack", "webhook"), new TestChannel("pagerduty", "routing_key")))
        .environment(Map.of("PD_KEY", "pd-secret-key-123"));
  }

  @Test
  void a_full_notify_section_is_read_into_the_model() {
    Spec spec =
        files()
            .load(
                files()
                    .write(
                        "nines.yml",
                        BASE
                            + """
                            notify:
                              link: https://nines.example.com/
                              channels:
                                oncall: { pagerduty: { routing_key: "${PD_KEY}" } }
                                ds: { slack: { webhook: "http://hooks/ds" } }
                              routes:
                                - match: { severity: [SEV1], consumer: finance, kind: SYSTEM }
                                  channels: [oncall]
                                  group_wait: 0s
                                  business_hours: false
                                - match: { severity: SEV3 }
                                  channels: [ds]
                                  digest: daily 09:30
                                  continue: false
                              business_hours: { zone: America/Denver, days: "MON-THU", hours: "08:00-16:00" }
                              maintenance:
                                - { datasets: [orders], cron: "0 1 * * SUN", duration: 2h, reason: vacuum }
                              delivery: { give_up_after: 1h, max_backoff: 30s }
                            """));
    NotifySpec notify = spec.notifications();
    assertThat(notify.incidentLink(7)).isEqualTo("https://nines.example.com/api/v1/incidents/7");
    assertThat(notify.channels().get("oncall").options())
        .containsEntry("routing_key", "pd-secret-key-123");
    assertThat(notify.routes()).hasSize(2);
    Route page = notify.routes().get(0);
    assertThat(page.match().severities()).containsExactly(Severity.SEV1);
    assertThat(page.groupWait()).isZero();
    assertThat(page.businessHours()).isEqualTo(Route.Hours.NEVER);
    Route digest = notify.routes().get(1);
    assertThat(digest.digest().at()).isEqualTo(LocalTime.of(9, 30));
    assertThat(digest.digest().zone()).isEqualTo(ZoneId.of("America/Denver"));
    assertThat(digest.continueMatching()).isFalse();
    assertThat(notify.businessHours().days())
        .containsExactlyInAnyOrder(
            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    assertThat(notify.maintenance().get(0).reason()).isEqualTo("vacuum");
    assertThat(notify.delivery().giveUpAfter()).isEqualTo(Duration.ofHours(1));
    assertThat(notify.delivery().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.toString()).doesNotContain("pd-secret-key-123");
  }

  @Test
  void channels_named_by_routes_and_consumers_must_exist_with_a_suggestion() {
    assertThat(
            files()
                .problemLines(
                    BASE.replace("notify: [oncall]", "notify: [on-call]")
                        + """
                        notify:
                          channels:
                            oncall: { pagerduty: { routing_key: x1 } }
                          routes:
                            - { channels: [oncal] }
                        """))
        .containsExactly(
            "nines.yml:6:37: consumers.finance.notify[0]: channel 'on-call' is not defined — did"
                + " you mean 'oncall'? (channels: oncall (named by consumer finance))",
            "nines.yml:11:20: notify.routes[0].channels[0]: channel 'oncal' is not defined — did"
                + " you mean 'oncall'? (channels: oncall (named by this route))");
  }

  @Test
  void channel_types_and_their_options_are_checked_without_printing_secrets() {
    List<String> problems =
        files()
            .problemLines(
                BASE
                    + """
                    notify:
                      channels:
                        oncall: { pagerdutty: { routing_key: "${PD_KEY}" } }
                        ds: { slack: { web_hook: "${PD_KEY}" } }
                    """);
    assertThat(problems)
        .containsExactly(
            "nines.yml:9:15: notify.channels.oncall.pagerdutty: unknown channel type 'pagerdutty'"
                + " — did you mean 'pagerduty'? (channel types: slack, pagerduty)",
            "nines.yml:10:11: notify.channels.ds.slack: slack channel needs 'webhook' (required:"
                + " webhook)",
            "nines.yml:10:20: notify.channels.ds.slack.web_hook: unknown key 'web_hook' in slack"
                + " channel notify.channels.ds.slack — did you mean 'webhook'? (known keys:"
                + " webhook, text)");
    assertThat(String.join("\n", problems)).doesNotContain("pd-secret-key-123");
  }

  @Test
  void bad_timing_values_name_their_place() {
    assertThat(
            files()
                .problemLines(
                    BASE
                        + """
                        notify:
                          channels:
                            oncall: { pagerduty: { routing_key: x1 } }
                          routes:
                            - match: { severity: SEV4, dataset: ordrs }
                              channels: [oncall]
                              digest: weekly
                          business_hours: { zone: Mars/Olympus, days: MON-FUN, hours: "17:00-09:00" }
                          maintenance:
                            - { datasets: [orders], cron: "0 1 * *", duration: 2h }
                        """))
        .containsExactly(
            "nines.yml:11:26: notify.routes[0].match.severity: unknown severity 'SEV4' (severities:"
                + " SEV1, SEV2, SEV3, INFO)",
            "nines.yml:11:41: notify.routes[0].match.dataset: dataset 'ordrs' is not defined — did"
                + " you mean 'orders'? (defined: orders)",
            "nines.yml:13:15: notify.routes[0].digest: 'weekly' is not a digest time (write daily"
                + " HH:MM, e.g. daily 09:00 (read in the business hours' zone))",
            "nines.yml:14:27: notify.business_hours.zone: unknown time zone 'Mars/Olympus' (use a"
                + " region such as Europe/Paris or America/Denver, or UTC)",
            "nines.yml:14:47: notify.business_hours.days: 'MON-FUN' is not a day or range of days"
                + " (write MON-FRI, or days such as MON,WED,FRI (MON TUE WED THU FRI SAT SUN))",
            "nines.yml:14:63: notify.business_hours.hours: '17:00-09:00' is not a span of working"
                + " hours (write \"09:00-17:00\" (quoted), the end after the start, within one"
                + " day)",
            "nines.yml:16:35: notify.maintenance[0].cron: '0 1 * *' is not a valid cron expression:"
                + " it has 4 fields, a cron schedule has five: minute hour day-of-month month"
                + " day-of-week (five fields: minute hour day-of-month month day-of-week, e.g. \"0 1"
                + " * * SUN\")");
  }

  /** A channel type with one required and one optional option. */
  private record TestChannel(String name, String required) implements ChannelType {
    @Override
    public List<String> requiredOptions() {
      return List.of(required);
    }

    @Override
    public List<String> optionalOptions() {
      return List.of("text");
    }

    @Override
    public OutboundMessage render(ChannelConfig channel, Alert alert) {
      return new OutboundMessage(
          channel.name(), Transport.HTTP_POST, "http://x", Map.of(), null, "{}", null);
    }

    @Override
    public List<OutboundMessage> renderGroup(
        ChannelConfig channel, List<Alert> alerts, Instant at) {
      return alerts.stream().map(alert -> render(channel, alert)).toList();
    }
  }
}
