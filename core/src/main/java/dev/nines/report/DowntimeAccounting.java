package dev.nines.report;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStats;
import dev.nines.incident.IncidentStats.GroupBy;
import dev.nines.incident.Resolution;
import dev.nines.incident.SubjectKind;
import dev.nines.slo.Interval;
import dev.nines.spec.AgreementSpec;
import dev.nines.spec.ConsumerSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Counts data downtime from incidents: an incident is down from its start (the real start when
 * known, else its detection) to its resolution, or to now while it is active. Incidents resolved as
 * false positives were never down and are left out. So are burn-rate alerts about SLOs: they say a
 * budget is being spent (the SLO measures how much), and last as long as the alert's long window,
 * not as long as the data was down. A warning is not downtime either: an incident opened by a WARN
 * is down from its first FAIL or ERROR, and not at all when it never got that far ({@code
 * failingSince}, from the incident's observations).
 */
public final class DowntimeAccounting {
  private final Clock clock;
  private final Map<Long, Optional<Instant>> failingSince;

  public DowntimeAccounting(Clock clock) {
    this(clock, Map.of());
  }

  /**
   * @param failingSince by incident id, for incidents opened by a warning: when they first failed,
   *     or empty when they never did; incidents not in it are down from their start
   */
  public DowntimeAccounting(Clock clock, Map<Long, Optional<Instant>> failingSince) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.failingSince = Map.copyOf(failingSince);
  }

  /** The time an incident was open, from its start to its resolution or now, unclipped. */
  public Interval openOf(Incident incident) {
    Instant end = incident.resolvedAt() == null ? clock.instant() : incident.resolvedAt();
    Instant start = incident.startedAt().isAfter(end) ? end : incident.startedAt();
    return new Interval(start, end);
  }

  /**
   * The time an incident was down, unclipped; empty for a false positive, an SLO burn alert or a
   * warning that never failed.
   */
  public Optional<Interval> downtimeOf(Incident incident) {
    if (incident.resolution() == Resolution.FALSE_POSITIVE
        || incident.subject().kind() == SubjectKind.SLO) {
      return Optional.empty();
    }
    Interval open = openOf(incident);
    Optional<Instant> failing = failingSince.get(incident.id());
    if (failing == null) {
      return Optional.of(open);
    }
    if (failing.isEmpty() || failing.get().isAfter(open.end())) {
      return Optional.empty();
    }
    return Optional.of(
        new Interval(
            failing.get().isAfter(open.start()) ? failing.get() : open.start(), open.end()));
  }

  /**
   * The incident as it stood at {@code at}: empty when it was detected later; when it was resolved
   * (or acknowledged) later, as still open (or not yet acknowledged) then.
   */
  public static Optional<Incident> asSeenAt(Incident incident, Instant at) {
    return incident.asSeenAt(at);
  }

  /** The account of every incident given, whatever it is about, under the name {@code group}. */
  public DowntimeAccount account(
      String group, Collection<Incident> incidents, ReportPeriod period) {
    Interval elapsed = period.elapsed(clock.instant());
    List<Interval> clipped = new ArrayList<>();
    List<Incident> down = new ArrayList<>();
    for (Incident incident : incidents) {
      Optional<Interval> downtime = downtimeOf(incident);
      if (downtime.isEmpty()) {
        continue;
      }
      Optional<Interval> inPeriod = downtime.get().intersect(elapsed);
      boolean instantInPeriod =
          downtime.get().isEmpty() && elapsed.contains(downtime.get().start());
      if (inPeriod.isPresent() || instantInPeriod) {
        down.add(incident);
        inPeriod.ifPresent(clipped::add);
      }
    }
    Duration dataDowntime =
        clipped.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    List<Interval> merged = merge(clipped);
    Duration downtime = merged.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    return new DowntimeAccount(
        group,
        merged,
        downtime,
        dataDowntime,
        down.size(),
        IncidentStats.mean(down.stream().map(Incident::timeToDetect).toList()),
        IncidentStats.mean(down.stream().flatMap(i -> i.timeToResolve().stream()).toList()),
        new Uptime(elapsed.length().minus(downtime), elapsed.length()));
  }

  /** One account per dataset (an incident's subject and the datasets it impacted), worst first. */
  public List<DowntimeAccount> byDataset(Collection<Incident> incidents, ReportPeriod period) {
    return grouped(GroupBy.DATASET, incidents, period);
  }

  /** One account per pipeline an incident was about, worst first. */
  public List<DowntimeAccount> byPipeline(Collection<Incident> incidents, ReportPeriod period) {
    return grouped(GroupBy.PIPELINE, incidents, period);
  }

  /** One account per consumer an incident affected, worst first. */
  public List<DowntimeAccount> byConsumer(Collection<Incident> incidents, ReportPeriod period) {
    return grouped(GroupBy.CONSUMER, incidents, period);
  }

  private List<DowntimeAccount> grouped(
      GroupBy by, Collection<Incident> incidents, ReportPeriod period) {
    Map<String, List<Incident>> groups = new LinkedHashMap<>();
    for (Incident incident : incidents) {
      for (String group : by.groupsOf(incident)) {
        groups.computeIfAbsent(group, k -> new ArrayList<>()).add(incident);
      }
    }
    return worstFirst(groups, period);
  }

  /** The account of one agreement: the incidents that touch it. */
  public DowntimeAccount byAgreement(
      ConsumerSpec consumer,
      AgreementSpec agreement,
      Collection<Incident> incidents,
      ReportPeriod period) {
    return account(
        agreement.promise(),
        incidents.stream().filter(touches(consumer, agreement)).toList(),
        period);
  }

  /**
   * Whether an incident touches an agreement: the incident manager recorded it so, or the agreement
   * covers its subject (which also catches incidents stored before the agreement was written).
   */
  public static Predicate<Incident> touches(ConsumerSpec consumer, AgreementSpec agreement) {
    return incident -> {
      if (incident.consumers().contains(consumer.name())
          && incident.agreements().contains(agreement.promise())) {
        return true;
      }
      String subject = incident.subject().name();
      return switch (incident.subject().kind()) {
        case DATASET ->
            incident.cause() == null
                ? agreement.coversDataset(subject)
                : agreement.coversCheck(subject, incident.cause());
        case PIPELINE -> agreement.coversPipeline(subject);
        case SLO -> agreement.slos().contains(subject);
        case SOURCE -> false;
      };
    };
  }

  /** Overlapping or touching intervals joined, oldest first. */
  static List<Interval> merge(List<Interval> intervals) {
    List<Interval> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparing(Interval::start).thenComparing(Interval::end));
    List<Interval> merged = new ArrayList<>();
    for (Interval next : sorted) {
      if (!merged.isEmpty() && !next.start().isAfter(merged.get(merged.size() - 1).end())) {
        Interval last = merged.remove(merged.size() - 1);
        Instant end = next.end().isAfter(last.end()) ? next.end() : last.end();
        merged.add(new Interval(last.start(), end));
      } else {
        merged.add(next);
      }
    }
    return merged;
  }

  private List<DowntimeAccount> worstFirst(
      Map<String, List<Incident>> groups, ReportPeriod period) {
    List<DowntimeAccount> accounts = new ArrayList<>();
    groups.forEach((group, members) -> accounts.add(account(group, members, period)));
    accounts.removeIf(a -> a.incidents() == 0);
    accounts.sort(
        Comparator.comparing(DowntimeAccount::downtime)
            .reversed()
            .thenComparing(DowntimeAccount::group));
    return accounts;
  }
}
