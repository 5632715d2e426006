package dev.nines.report;

import dev.nines.incident.Incident;
import dev.nines.incident.Resolution;
import dev.nines.slo.Interval;
import dev.nines.slo.SloStatus;
import dev.nines.spec.AgreementSpec;
import dev.nines.spec.ConsumerSpec;
import dev.nines.spec.SloSpec;
import dev.nines.spec.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds a consumer's SLA report from incidents and, where the store has them, SLO statuses. */
public final class SlaReports {
  private final Clock clock;
  private final DowntimeAccounting accounting;

  public SlaReports(Clock clock) {
    this(new DowntimeAccounting(clock), clock);
  }

  /** Reports counting downtime with {@code accounting} (which knows when warnings failed). */
  public SlaReports(DowntimeAccounting accounting, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.accounting = Objects.requireNonNull(accounting, "accounting");
  }

  /**
   * The report of {@code consumer} over {@code period}.
   *
   * @param incidents incidents that may touch it (others are left out here)
   * @param slos the spec's SLOs, by name
   * @param statuses each SLO's status at the end of the period, by name; an SLO missing here is
   *     listed as not evaluated and judged by downtime alone
   */
  public SlaReport report(
      ConsumerSpec consumer,
      Collection<Incident> incidents,
      ReportPeriod period,
      Map<String, SloSpec> slos,
      Map<String, SloStatus> statuses) {
    return report(consumer, incidents, period, slos, statuses, Map.of());
  }

  /**
   * The report of {@code consumer} over {@code period}, with the age series of the freshness
   * promises behind each agreement, by the agreement's promise.
   */
  public SlaReport report(
      ConsumerSpec consumer,
      Collection<Incident> incidents,
      ReportPeriod period,
      Map<String, SloSpec> slos,
      Map<String, SloStatus> statuses,
      Map<String, List<AgeSeries>> freshness) {
    Map<String, SloLine> lines = new java.util.HashMap<>();
    statuses.forEach((name, status) -> lines.put(name, line(name, slos.get(name), status)));
    return reportWithLines(consumer, incidents, period, slos, lines, freshness);
  }

  /**
   * The report of {@code consumer} over {@code period}, with SLO figures already computed (e.g.
   * read from the store's last evaluations); an SLO missing from {@code evaluated} is listed as not
   * evaluated.
   */
  public SlaReport reportWithLines(
      ConsumerSpec consumer,
      Collection<Incident> incidents,
      ReportPeriod period,
      Map<String, SloSpec> slos,
      Map<String, SloLine> evaluated) {
    return reportWithLines(consumer, incidents, period, slos, evaluated, Map.of());
  }

  /**
   * As {@link #reportWithLines(ConsumerSpec, Collection, ReportPeriod, Map, Map)}, with the age
   * series of each agreement's freshness promises, by the agreement's promise.
   */
  public SlaReport reportWithLines(
      ConsumerSpec consumer,
      Collection<Incident> incidents,
      ReportPeriod period,
      Map<String, SloSpec> slos,
      Map<String, SloLine> evaluated,
      Map<String, List<AgeSeries>> freshness) {
    List<AgreementReport> agreements = new ArrayList<>();
    List<Incident> touchingAny = new ArrayList<>();
    for (AgreementSpec agreement : consumer.agreements()) {
      List<Incident> touching =
          incidents.stream().filter(DowntimeAccounting.touches(consumer, agreement)).toList();
      touching.stream().filter(i -> !touchingAny.contains(i)).forEach(touchingAny::add);
      DowntimeAccount downtime = accounting.account(agreement.promise(), touching, period);
      List<Incident> inPeriod =
          touching.stream()
              // every incident open in the period is listed, burn alerts and warnings too
              .filter(i -> i.resolution() != Resolution.FALSE_POSITIVE)
              .filter(
                  i -> {
                    Interval open = accounting.openOf(i);
                    Interval elapsed = period.elapsed(clock.instant());
                    return open.intersect(elapsed).isPresent() || elapsed.contains(open.start());
                  })
              .sorted(Comparator.comparing(Incident::startedAt))
              .toList();
      List<SloLine> lines =
          agreement.slos().stream()
              .map(
                  name ->
                      evaluated.containsKey(name)
                          ? evaluated.get(name)
                          : line(name, slos.get(name), null))
              .toList();
      agreements.add(
          new AgreementReport(
              agreement.promise(),
              met(lines, downtime),
              verdict(lines, downtime),
              lines,
              downtime,
              inPeriod.stream().map(IncidentLine::of).toList(),
              freshness.getOrDefault(agreement.promise(), List.of())));
    }
    return new SlaReport(
        consumer.name(),
        consumer.about(),
        consumer.breach(),
        period,
        clock.instant(),
        agreements,
        accounting.account(consumer.name(), touchingAny, period));
  }

  private static SloLine line(String name, SloSpec spec, SloStatus status) {
    String description = spec == null ? null : spec.description();
    BigDecimal objective = spec == null ? null : spec.objective().target();
    if (status == null) {
      return new SloLine(name, description, objective, null, null, false, false);
    }
    BigDecimal total = status.budget().total();
    BigDecimal spent =
        total.signum() == 0 ? null : status.budget().spent().divide(total, MathContext.DECIMAL64);
    // an SLO with no event at all in the period cannot be judged: the promise falls back to
    // downtime
    return new SloLine(
        name,
        description,
        status.target().objective().target(),
        status.sli().orElse(null),
        spent,
        status.met(),
        status.sli().isPresent());
  }

  private static boolean met(List<SloLine> slos, DowntimeAccount downtime) {
    List<SloLine> evaluated = slos.stream().filter(SloLine::evaluated).toList();
    if (!evaluated.isEmpty()) {
      return evaluated.stream().allMatch(SloLine::met);
    }
    return downtime.downtime().isZero();
  }

  private static String verdict(List<SloLine> slos, DowntimeAccount downtime) {
    List<SloLine> evaluated = slos.stream().filter(SloLine::evaluated).toList();
    if (!evaluated.isEmpty()) {
      List<String> missed =
          evaluated.stream()
              .filter(s -> !s.met())
              .map(
                  s ->
                      s.name()
                          + " at "
                          + (s.sli() == null ? "no data" : percent(s.sli()))
                          + " < "
                          + percent(s.objective()))
              .toList();
      return missed.isEmpty()
          ? "every SLO met its objective"
          : "missed: " + String.join("; ", missed);
    }
    if (downtime.downtime().isZero()) {
      return "no downtime";
    }
    return Values.human(downtime.downtime())
        + " down in "
        + downtime.incidents()
        + (downtime.incidents() == 1 ? " incident" : " incidents");
  }

  /** {@code 99.5%} from 0.995, at most three decimals, rounded down. */
  public static String percent(BigDecimal ratio) {
    return ratio
            .movePointRight(2)
            .setScale(3, RoundingMode.FLOOR)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
