package dev.nines.incident;

import dev.nines.check.CheckTypes;
import dev.nines.observation.Bounds;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Expectation;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small warehouse spec and observations of it, for the incident tests. */
final class IncidentFixtures {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

  /**
   * Warehouse with orders (finance: SEV1) and research_events (research: SEV3); load_orders writes
   * orders, build_revenue reads orders and writes revenue.
   */
  static final String SPEC =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
        lake: { url: "jdbc:postgresql://db/y" }
      datasets:
        orders:
          source: warehouse
          table: orders
          owner: data-eng
          tags: [finance]
          checks:
            - freshness: { column: loaded_at, warn: 12h, fail: 24h }
            - duplicates: { columns: [id] }
        revenue: { source: warehouse, table: revenue, owner: data-eng }
        research_events:
          source: lake
          table: events
          owner: ds
          checks: [ { duplicates: { columns: [id] } } ]
      pipelines:
        load_orders: { outputs: [orders], owner: data-eng }
        build_revenue: { inputs: [orders], outputs: [revenue] }
      consumers:
        finance:
          agreements:
            - { promise: orders is never older than 24 hours, datasets: [orders] }
          breach: SEV1
        research:
          agreements:
            - { promise: research events are clean, datasets: [research_events] }
          breach: SEV3
      """;

  private IncidentFixtures() {}

  static Spec spec(Path folder, String yaml) {
    try {
      Path file = folder.resolve("nines.yml");
      Files.writeString(file, yaml);
      return SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Observation observed(String dataset, String check, Status status, Instant at) {
    String type = check.startsWith("duplicates") ? "duplicates" : check;
    return new Observation(
        dataset,
        check,
        type,
        status,
        Kind.DATA,
        null,
        status == Status.PASS ? 0.0 : 3.0,
        null,
        check + " " + status.name().toLowerCase(),
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }

  static Observation error(String dataset, String check, ErrorCategory category, Instant at) {
    return new Observation(
        dataset,
        check,
        check.startsWith("duplicates") ? "duplicates" : check,
        Status.ERROR,
        Kind.SYSTEM,
        category,
        null,
        null,
        "cannot run: " + category,
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }

  /** Freshness of orders measured {@code age} old against warn 12h / fail 24h. */
  static Observation freshness(Duration age, Instant at) {
    double seconds = age.toSeconds();
    Expectation expectation =
        new Expectation(
            new Bounds(null, 86_400.0), new Bounds(null, 43_200.0), "seconds", "age ≤ 24h");
    Status status = expectation.judge(seconds);
    return new Observation(
        "orders",
        "freshness",
        "freshness",
        status,
        Kind.DATA,
        null,
        seconds,
        expectation,
        "newest row is " + age.toHours() + "h old",
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }

  static Observation pipeline(String pipeline, String rule, Status status, Instant at) {
    return new Observation(
        pipeline,
        rule,
        "pipeline_" + rule,
        status,
        rule.equals("rows") ? Kind.DATA : Kind.SYSTEM,
        null,
        null,
        null,
        "pipeline " + rule + " " + status,
        List.of(),
        List.of(),
        at,
        Duration.ZERO);
  }
}
