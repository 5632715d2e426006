package dev.nines.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.incident.Incident;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.observation.Kind;
import dev.nines.pipeline.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SilenceTest {
  private static final Instant NOW = Incidents.DETECTED;

  @ParameterizedTest(name = "{0} silences {1} {2} {3}: {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dataset=orders               | DATASET  | orders      | SEV1 | true",
        "dataset=orders               | DATASET  | customers   | SEV1 | false",
        "dataset=orders               | PIPELINE | orders      | SEV1 | false",
        "pipeline=load_orders         | PIPELINE | load_orders | SEV2 | true",
        "severity=SEV3                | DATASET  | orders      | SEV3 | true",
        "severity=SEV3                | DATASET  | orders      | SEV1 | false",
        "dataset=orders,severity=SEV3 | DATASET  | orders      | SEV1 | false",
        "owner=data-eng               | SOURCE   | warehouse   | SEV1 | true",
        "source=warehouse             | SOURCE   | warehouse   | SEV1 | true"
      })
  void a_silence_matches_every_value_it_sets(
      String match, String kind, String name, Severity severity, boolean silenced) {
    String dataset = null, pipeline = null, source = null, owner = null;
    Severity level = null;
    for (String pair : match.split(",")) {
      String[] parts = pair.split("=");
      switch (parts[0]) {
        case "dataset" -> dataset = parts[1];
        case "pipeline" -> pipeline = parts[1];
        case "source" -> source = parts[1];
        case "owner" -> owner = parts[1];
        default -> level = Severity.valueOf(parts[1]);
      }
    }
    Silence silence =
        new Silence(
            1,
            new Silence.Match(dataset, pipeline, source, level, owner),
            NOW.minusSeconds(60),
            NOW.plusSeconds(3600),
            "known problem",
            "ann",
            NOW.minusSeconds(60));
    Incident incident =
        Incidents.open(
            1,
            new Subject(dev.nines.incident.SubjectKind.valueOf(kind), name),
            severity,
            Kind.DATA,
            "data-eng",
            List.of());
    assertThat(silence.silences(incident, NOW)).isEqualTo(silenced);
    assertThat(silence.silences(incident, NOW.plusSeconds(3600))).isFalse();
  }

  @Test
  void a_silence_needs_something_to_match_and_a_reason() {
    assertThatThrownBy(() -> new Silence.Match(null, " ", null, null, null))
        .hasMessageContaining("must name a dataset");
    assertThatThrownBy(
            () ->
                new Silence(
                    0, Silence.Match.dataset("orders"), NOW, NOW.plusSeconds(1), " ", null, NOW))
        .hasMessageContaining("reason");
  }

  @Test
  void a_maintenance_window_is_active_from_each_cron_fire_for_its_duration() {
    MaintenanceWindow vacuum =
        new MaintenanceWindow(
            List.of("orders"),
            List.of(),
            List.of(),
            CronSchedule.parse("0 1 * * SUN", ZoneId.of("UTC")),
            Duration.ofHours(2),
            "weekly vacuum");
    Instant sunday = Instant.parse("2026-03-08T01:00:00Z");
    assertThat(vacuum.activeUntil(sunday.plusSeconds(60))).contains(sunday.plusSeconds(7200));
    assertThat(vacuum.activeUntil(sunday.plusSeconds(7200))).isEmpty();
    assertThat(vacuum.activeUntil(sunday.minusSeconds(1))).isEmpty();
    assertThat(vacuum.covers(Incidents.dataset(1, "orders", Severity.SEV1))).isTrue();
    assertThat(vacuum.covers(Incidents.dataset(1, "customers", Severity.SEV1))).isFalse();
  }

  @Test
  void backoff_is_full_jitter_doubling_up_to_the_cap_and_retry_after_wins() {
    DeliverySettings settings =
        new DeliverySettings(Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofSeconds(1));
    SplittableRandom random = new SplittableRandom(7);
    long longestThird = 0;
    long longestTenth = 0;
    for (int i = 0; i < 2000; i++) {
      longestThird = Math.max(longestThird, settings.backoff(3, null, random).toMillis());
      longestTenth = Math.max(longestTenth, settings.backoff(10, null, random).toMillis());
    }
    assertThat(longestThird).isBetween(3_800L, 4_000L);
    assertThat(longestTenth).isBetween(9_500L, 10_000L);
    assertThat(settings.backoff(2, Duration.ofSeconds(42), random)).hasSeconds(42);
  }
}
