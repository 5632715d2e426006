package dev.nines.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.incident.Incident;
import dev.nines.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class GroupingTest {
  private static final Instant T0 = Incidents.DETECTED; // Monday 10:00 UTC
  private static final RoutedChannel PAGE =
      new RoutedChannel(
          "oncall", Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4), null, null);

  @Test
  void the_first_alert_waits_group_wait_and_later_changes_do_not_push_it_back() {
    GroupState first = Grouping.changed(null, PAGE, 1, T0);
    assertThat(first.dueAt()).isEqualTo(T0.plusSeconds(30));
    GroupState again = Grouping.changed(first, PAGE, 1, T0.plusSeconds(20));
    assertThat(again.dueAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void changes_after_a_message_are_batched_to_one_per_group_interval() {
    Incident incident = Incidents.dataset(1, "orders", Severity.SEV1);
    GroupState sent =
        GroupState.fresh(1, "oncall", null)
            .sent(AlertAction.TRIGGER, Severity.SEV1, T0, T0.plus(Duration.ofHours(4)));
    GroupState acked = Grouping.changed(sent, PAGE, 1, T0.plusSeconds(60));
    assertThat(acked.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    GroupState late = Grouping.changed(sent, PAGE, 1, T0.plus(Duration.ofMinutes(9)));
    assertThat(late.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(9)));
    assertThat(Grouping.action(acked, Incidents.acknowledged(incident), PAGE, acked.dueAt()))
        .contains(AlertAction.ACKNOWLEDGE);
  }

  @Test
  void a_still_open_incident_is_sent_again_after_the_repeat_interval_only() {
    Incident incident = Incidents.dataset(1, "orders", Severity.SEV1);
    GroupState sent =
        GroupState.fresh(1, "oncall", null)
            .sent(AlertAction.TRIGGER, Severity.SEV1, T0, Grouping.nextDue(incident, PAGE, T0));
    assertThat(sent.dueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
    assertThat(Grouping.action(sent, incident, PAGE, T0.plus(Duration.ofHours(1)))).isEmpty();
    assertThat(Grouping.action(sent, incident, PAGE, T0.plus(Duration.ofHours(4))))
        .contains(AlertAction.TRIGGER);
    assertThat(Grouping.nextDue(Incidents.acknowledged(incident), PAGE, T0)).isNull();
  }

  @Test
  void an_escalation_triggers_again_and_a_resolve_follows_a_sent_trigger_only() {
    Incident incident = Incidents.dataset(1, "orders", Severity.SEV2);
    GroupState fresh = GroupState.fresh(1, "oncall", T0);
    assertThat(Grouping.action(fresh, incident, PAGE, T0)).contains(AlertAction.TRIGGER);
    Instant end = T0.plusSeconds(10);
    assertThat(Grouping.action(fresh, Incidents.resolved(incident, end), PAGE, end)).isEmpty();
    GroupState sent = fresh.sent(AlertAction.TRIGGER, Severity.SEV2, T0, null);
    assertThat(Grouping.action(sent, Incidents.severity(incident, Severity.SEV1), PAGE, end))
        .contains(AlertAction.TRIGGER);
    assertThat(Grouping.action(sent, Incidents.resolved(incident, end), PAGE, end))
        .contains(AlertAction.RESOLVE);
  }

  @Test
  void a_digest_collects_until_its_time_and_reports_what_resolved_meanwhile() {
    RoutedChannel digest =
        new RoutedChannel(
            "ds",
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofHours(4),
            null,
            DigestSchedule.parse("daily 09:00", ZoneId.of("UTC")));
    GroupState group = Grouping.changed(null, digest, 1, T0);
    assertThat(group.dueAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    Incident resolved =
        Incidents.resolved(Incidents.dataset(1, "orders", Severity.SEV3), T0.plusSeconds(60));
    assertThat(Grouping.action(group, resolved, digest, group.dueAt()))
        .contains(AlertAction.RESOLVE);
  }

  @Test
  void business_hours_defer_the_first_message_to_the_working_day() {
    RoutedChannel working =
        new RoutedChannel(
            "team",
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            Duration.ofHours(4),
            BusinessHours.DEFAULT,
            null);
    Instant fridayNight = Instant.parse("2026-03-06T22:00:00Z");
    assertThat(Grouping.changed(null, working, 1, fridayNight).dueAt())
        .isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
  }
}
