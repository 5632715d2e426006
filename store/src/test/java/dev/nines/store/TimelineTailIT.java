package dev.nines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentLog;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.remediation.TimelineTail;
import dev.nines.spec.StoreSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The timeline tailed under a work cursor, the same on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class TimelineTailIT {
  static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

  @Parameter TestStoreDatabase database;
  @TempDir Path folder;
  StoreSpec spec;
  NinesStore store;
  TimelineTail tail;
  long incident;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void openStore() throws SQLException {
    spec = database.freshStore(folder);
    store = NinesStore.open(spec);
    tail = store.timelineTail();
    incident = insertIncident();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(spec.url(), spec.user(), spec.password());
  }

  /** An incident row as V4 defines it; the incident manager writes these in production. */
  private long insertIncident() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO incident (incident_key, title, subject_kind, subject, cause, kind,"
                    + " severity, severity_rule, status, consumers, agreements, impact,"
                    + " started_at, detected_at, last_failure_at, consecutive_passes,"
                    + " observation_count, last_message, updated_at, severity_since) VALUES ('k', 'orders late',"
                    + " 'DATASET', 'orders', 'freshness', 'DATA', 'SEV2', 'default', 'OPEN', '[]',"
                    + " '[]', '[]', ?, ?, ?, 0, 1, 'late', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      OffsetDateTime at = T0.atOffset(ZoneOffset.UTC);
      for (int i = 1; i <= 5; i++) {
        insert.setObject(i, at);
      }
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private void write(TimelineKind kind, String text) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO incident_timeline (incident_id, happened_at, entry_kind, actor,"
                    + " entry_text) VALUES (?, ?, ?, 'nines', ?)")) {
      insert.setLong(1, incident);
      insert.setObject(2, T0.atOffset(ZoneOffset.UTC));
      insert.setString(3, kind.name());
      insert.setString(4, text);
      insert.executeUpdate();
    }
  }

  private List<String> texts(String cursor) {
    return tail.next(
        cursor, 100, batch -> batch.entries().stream().map(TimelineEntry::text).toList());
  }

  @Test
  void a_new_cursor_starts_after_the_history_and_then_sees_each_entry_once() throws Exception {
    write(TimelineKind.OPENED, "before the cursor existed");

    assertThat(texts("remediation")).isEmpty();
    write(TimelineKind.REOPENED, "first");
    write(TimelineKind.COMMENTED, "second");

    assertThat(texts("remediation")).containsExactly("first", "second");
    assertThat(texts("remediation")).isEmpty();
    assertThat(texts("other")).isEmpty();
  }

  @Test
  void entries_appended_in_a_turn_are_committed_with_it_and_read_back_equal() throws Exception {
    texts("remediation");
    write(TimelineKind.OPENED, "opened");

    TimelineEntry appended =
        tail.next(
            "remediation",
            100,
            batch -> {
              TimelineEntry entry =
                  batch.append(
                      new TimelineEntry(
                          0,
                          incident,
                          T0.plusNanos(1_234_567),
                          TimelineKind.REMEDIATION_STARTED,
                          "alice",
                          "load_orders attempt 1: re-run"));
              assertThat(batch.timeline(incident)).endsWith(entry);
              return entry;
            });

    assertThat(appended.id()).isPositive();
    assertThat(appended.at()).isEqualTo(T0.plusMillis(1));
    assertThat(texts("remediation")).containsExactly("load_orders attempt 1: re-run");
  }

  @Test
  void a_failed_turn_keeps_the_cursor_and_drops_what_it_appended() throws Exception {
    texts("remediation");
    write(TimelineKind.OPENED, "opened");

    assertThatThrownBy(
            () ->
                tail.next(
                    "remediation",
                    100,
                    batch -> {
                      batch.append(
                          new TimelineEntry(
                              0, incident, T0, TimelineKind.REMEDIATION_STARTED, null, "lost"));
                      throw new IllegalStateException("crash in the middle");
                    }))
        .hasMessage("crash in the middle");

    assertThat(texts("remediation")).containsExactly("opened");
  }

  @Test
  void the_incident_log_reads_incidents_and_appends_to_their_timelines() {
    IncidentLog log = store.incidents();

    Incident read = log.incident(incident).orElseThrow();
    TimelineEntry appended =
        log.append(
            new TimelineEntry(0, incident, T0, TimelineKind.REMEDIATION_FINISHED, "bob", "done"));

    assertThat(read.subject()).isEqualTo(Subject.dataset("orders"));
    assertThat(read.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(read.severity()).isEqualTo(Severity.SEV2);
    assertThat(read.detectedAt()).isEqualTo(T0);
    assertThat(read.title()).isEqualTo("orders late");
    assertThat(log.incident(incident + 1000)).isEmpty();
    assertThat(log.timeline(incident)).containsExactly(appended);
    assertThat(appended.actor()).isEqualTo("bob");
  }

  @Test
  void two_replicas_tailing_one_cursor_take_turns_and_never_share_an_entry() throws Exception {
    texts("remediation");
    for (int i = 0; i < 40; i++) {
      write(TimelineKind.OPENED, "entry " + i);
    }
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    ExecutorService replicas = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int replica = 0; replica < 2; replica++) {
        running.add(
            replicas.submit(
                () -> {
                  int taken;
                  do {
                    taken =
                        tail.next(
                            "remediation",
                            3,
                            batch -> {
                              batch.entries().forEach(entry -> seen.add(entry.text()));
                              return batch.entries().size();
                            });
                  } while (taken > 0);
                  return null;
                }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } finally {
      replicas.shutdownNow();
    }

    assertThat(seen).hasSize(40).doesNotHaveDuplicates();
  }
}
