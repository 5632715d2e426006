package dev.nines.store.report;

import dev.nines.incident.Incident;
import dev.nines.incident.ObservationRole;
import dev.nines.incident.SubjectKind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.report.AgePoint;
import dev.nines.report.AgeSeries;
import dev.nines.report.DatasetReport;
import dev.nines.report.DowntimeAccounting;
import dev.nines.report.DowntimeReport;
import dev.nines.report.FreshnessBound;
import dev.nines.report.ReportPeriod;
import dev.nines.report.SlaReport;
import dev.nines.report.SlaReports;
import dev.nines.report.TableUsage;
import dev.nines.slo.Interval;
import dev.nines.slo.SloStatus;
import dev.nines.spec.AgreementSpec;
import dev.nines.spec.ConsumerSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.SloSpec;
import dev.nines.spec.Spec;
import dev.nines.store.IncidentObservation;
import dev.nines.store.IncidentQuery;
import dev.nines.store.NinesStore;
import dev.nines.store.SliEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports read from the store, the same for the CLI and the REST API: incidents for downtime, and
 * the SLOs over the period, from the observation log, for budgets.
 *
 * <p>Reports are made as the store was seen at the clock's instant (now, or the {@code --at} of a
 * report): incidents detected later are left out, incidents resolved later count as open then, and
 * SLOs and observations are read up to that instant.
 */
public final class StoreReports {
  private static final int PAGE = 500;
  private static final int HISTORY = 10_000;

  private final NinesStore store;
  private final Clock clock;

  public StoreReports(NinesStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The SLA report of one consumer of {@code spec}.
   *
   * @throws IllegalArgumentException when the spec has no such consumer, naming those it has
   */
  public SlaReport sla(Spec spec, String consumer, ReportPeriod period) {
    ConsumerSpec who = spec.consumers().get(consumer);
    if (who == null) {
      throw new IllegalArgumentException(
          "no consumer '"
              + consumer
              + "' in the spec"
              + (spec.consumers().isEmpty()
                  ? " (it declares no consumers:)"
                  : " (declared: " + String.join(", ", spec.consumers().keySet()) + ")"));
    }
    List<Incident> incidents = incidents(period);
    return new SlaReports(accounting(incidents), clock)
        .report(
            who,
            incidents,
            period,
            spec.slos(),
            statuses(who, spec.slos(), period),
            freshness(who, spec, period));
  }

  /** Downtime across everything over {@code period}. */
  public DowntimeReport downtime(ReportPeriod period) {
    List<Incident> incidents = incidents(period);
    return DowntimeReport.of(incidents, period, clock, accounting(incidents));
  }

  /**
   * Downtime accounting that knows, for each incident opened by a warning, when it first failed
   * (from its observations): a warning alone is not downtime.
   */
  public DowntimeAccounting accounting(List<Incident> incidents) {
    Map<Long, Optional<Instant>> failingSince = new HashMap<>();
    for (Incident incident : incidents) {
      if (incident.subject().kind() == SubjectKind.SLO) {
        continue;
      }
      List<IncidentObservation> causes =
          store.incidents().observations(incident.id(), HISTORY).stream()
              .filter(o -> o.role() == ObservationRole.CAUSE)
              .toList();
      if (!causes.isEmpty() && causes.get(0).status() == Status.WARN) {
        failingSince.put(
            incident.id(),
            causes.stream()
                .filter(o -> o.status() == Status.FAIL || o.status() == Status.ERROR)
                .map(IncidentObservation::observedAt)
                .findFirst());
      }
    }
    return new DowntimeAccounting(clock, failingSince);
  }

  /**
   * The five V's of one dataset of {@code spec} over {@code period}, from at most the newest 10,000
   * row counts, observations and schema snapshots of it and runs of each pipeline writing it.
   *
   * @throws IllegalArgumentException when the spec has no such dataset
   */
  public DatasetReport dataset(Spec spec, String dataset, ReportPeriod period) {
    DatasetSpec declared = spec.datasets().get(dataset);
    if (declared == null) {
      throw new IllegalArgumentException(
          "no dataset '"
              + dataset
              + "' in the spec (declared: "
              + String.join(", ", spec.datasets().keySet())
              + ")");
    }
    Interval elapsed = period.elapsed(clock.instant());
    List<Observation> observations =
        store.observations(dataset, null, period.interval().start(), HISTORY).stream()
            .filter(o -> elapsed.contains(o.observedAt()))
            .toList();
    int incidentCount =
        (int)
            incidents(period).stream()
                .filter(i -> i.subject().name().equals(dataset))
                .filter(
                    i ->
                        new DowntimeAccounting(clock)
                            .downtimeOf(i)
                            .map(d -> d.intersect(period.interval()).isPresent())
                            .orElse(false))
                .count();
    DatasetWriters writers =
        DatasetWriters.of(store, spec, dataset, period.interval().start(), HISTORY);
    return DatasetReport.of(
        dataset,
        declared.source(),
        period,
        clock.instant(),
        store.recent(dataset, "row_count", HISTORY).stream()
            .filter(m -> !m.measuredAt().isAfter(clock.instant()))
            .toList(),
        store.latestSchema(dataset).orElse(null),
        store.schemas(dataset, period.interval().end(), HISTORY),
        observations,
        incidentCount,
        spec.sources().containsKey(declared.source())
            ? TableUsage.of(spec.sources().get(declared.source()), declared.table())
            : null,
        writers.writers(),
        writers.runs());
  }

  /**
   * Every incident that started before the period ends (earlier ones may run into it), as it stood
   * at the clock's instant: one detected later is left out, one resolved later is still active.
   */
  public List<Incident> incidents(ReportPeriod period) {
    IncidentQuery query =
        new IncidentQuery(null, null, null, null, null, null, null, period.interval().end());
    Instant now = clock.instant();
    List<Incident> all = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      List<Incident> some = store.incidents().list(query, PAGE, offset);
      some.forEach(incident -> DowntimeAccounting.asSeenAt(incident, now).ifPresent(all::add));
      if (some.size() < PAGE) {
        return all;
      }
    }
  }

  /**
   * The age series of the freshness promises behind each of the consumer's agreements, by promise,
   * from the freshness observations of the elapsed part of the period.
   */
  Map<String, List<AgeSeries>> freshness(ConsumerSpec consumer, Spec spec, ReportPeriod period) {
    Interval elapsed = period.elapsed(clock.instant());
    Map<String, List<SliEvent>> eventsByDataset = new HashMap<>();
    Map<String, List<AgeSeries>> series = new HashMap<>();
    for (AgreementSpec agreement : consumer.agreements()) {
      List<AgeSeries> ages = new ArrayList<>();
      for (FreshnessBound bound : FreshnessBound.of(agreement, spec.datasets(), spec.slos())) {
        List<SliEvent> events =
            eventsByDataset.computeIfAbsent(
                bound.dataset(),
                dataset ->
                    elapsed.isEmpty()
                        ? List.of()
                        : store
                            .slos()
                            .between(dataset, "freshness", elapsed.start(), elapsed.end()));
        List<AgePoint> points =
            events.stream()
                .filter(e -> e.status() != Status.ERROR && e.value() != null)
                .filter(e -> bound.check() == null || bound.check().equals(e.check()))
                .map(e -> new AgePoint(e.observedAt(), Math.round(e.value())))
                .toList();
        ages.add(AgeSeries.of(bound, points, elapsed, AgeSeries.MAX_POINTS));
      }
      series.put(agreement.promise(), ages);
    }
    return series;
  }

  /**
   * The status of each SLO behind the consumer's promises over exactly the elapsed part of the
   * period, read from the observation log; SLOs whose SLI the store cannot feed are left out (the
   * report lists them as not evaluated).
   */
  Map<String, SloStatus> statuses(
      ConsumerSpec consumer, Map<String, SloSpec> slos, ReportPeriod period) {
    Interval elapsed = period.elapsed(clock.instant());
    Map<String, SloStatus> statuses = new HashMap<>();
    if (elapsed.isEmpty()) {
      return statuses;
    }
    for (AgreementSpec agreement : consumer.agreements()) {
      for (String name : agreement.slos()) {
        SloSpec slo = slos.get(name);
        if (slo != null && !statuses.containsKey(name)) {
          store.slos().status(slo, elapsed).status().ifPresent(s -> statuses.put(name, s));
        }
      }
    }
    return statuses;
  }
}
