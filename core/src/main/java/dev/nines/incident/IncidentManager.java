package dev.nines.incident;

import dev.nines.incident.internal.Agreements;
import dev.nines.incident.internal.Topology;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.IncidentPolicySpec;
import dev.nines.spec.Spec;
import dev.nines.spec.Values;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns observations into incidents: opens, joins, adds impact, counts passes to auto-resolve,
 * reopens within the cool-down, escalates with time. Every change writes a timeline entry through
 * the same {@link IncidentBook}, so the caller's transaction holds both.
 */
public final class IncidentManager {
  private final Topology topology;
  private final Agreements agreements;
  private final IncidentPolicySpec policy;
  private final SeverityPolicy severityPolicy;
  private final Clock clock;

  public IncidentManager(Spec spec, Clock clock) {
    this.topology = new Topology(spec);
    this.agreements = new Agreements(spec.consumers().values());
    this.policy = spec.incidents();
    this.severityPolicy = new SeverityPolicy(policy.severityRules());
    this.clock = clock;
  }

  /** Takes one stored observation into account. */
  public void observe(long observationId, Observation observation, IncidentBook book) {
    Cause cause = Cause.of(observation, topology.sourceOf(observation.dataset()));
    if (isFailure(observation.status())) {
      fail(observationId, observation, cause, book);
    } else {
      pass(observation, cause, book);
    }
    if (!observation.checkType().startsWith("pipeline_")) {
      provesReachable(observation, book);
    }
  }

  /** Raises the severity of incidents unresolved past their level's escalation time. */
  public void escalate(IncidentBook book) {
    Instant now = clock.instant();
    for (TrackedIncident tracked : book.activeAll()) {
      Incident incident = tracked.incident();
      Duration after = policy.escalate().get(incident.severity());
      if (after == null || now.isBefore(tracked.severitySince().plus(after))) {
        continue;
      }
      Severity raised = Severity.values()[incident.severity().ordinal() - 1];
      String why =
          "escalated from "
              + incident.severity()
              + " after "
              + Values.human(after)
              + " unresolved (incidents.escalate)";
      book.update(
          new TrackedIncident(
              Incidents.withSeverity(incident, raised, incident.severityRule() + "; " + why),
              tracked.consecutivePasses(),
              now));
      book.append(
          entry(
              incident.id(),
              now,
              TimelineKind.SEVERITY_CHANGED,
              "severity " + incident.severity() + " -> " + raised + ": " + why));
    }
  }

  /** Whether a status opens or joins an incident: WARN does too, with a lower severity. */
  public static boolean isFailure(Status status) {
    return status == Status.WARN || status == Status.FAIL || status == Status.ERROR;
  }

  private void fail(long observationId, Observation observation, Cause cause, IncidentBook book) {
    Instant at = observation.observedAt();
    Optional<TrackedIncident> active = book.active(cause.key());
    if (active.isPresent()) {
      joinAsCause(active.get(), observationId, observation, book);
      return;
    }
    if (cause.subject().kind() == SubjectKind.DATASET) {
      Optional<TrackedIncident> upstream = upstreamOf(observation.dataset(), book);
      if (upstream.isPresent()) {
        addImpact(upstream.get(), Subject.dataset(observation.dataset()), observation, book);
        book.link(upstream.get().id(), observationId, ObservationRole.IMPACT);
        return;
      }
    }
    Optional<TrackedIncident> resolved = book.lastResolved(cause.key());
    if (resolved.isPresent()
        && !at.isAfter(resolved.get().incident().resolvedAt().plus(policy.reopenWithin()))) {
      reopen(resolved.get(), observationId, observation, book);
      return;
    }
    open(cause, observationId, observation, book);
  }

  private void open(Cause cause, long observationId, Observation observation, IncidentBook book) {
    Instant at = observation.observedAt();
    List<Subject> impact = initialImpact(cause.subject(), observation);
    Kind kind = observation.status() == Status.ERROR ? Kind.SYSTEM : observation.kind();
    SeverityInputs inputs = inputs(cause, kind, observation, impact);
    SeverityDecision decision = severityPolicy.decide(inputs);
    Incident incident =
        new Incident(
            0,
            cause.key(),
            Incidents.title(cause, observation),
            cause.subject(),
            cause.name(),
            kind,
            decision.severity(),
            decision.rule(),
            IncidentStatus.OPEN,
            null,
            inputs.owner(),
            inputs.consumers(),
            inputs.promises(),
            impact,
            ProblemStart.of(observation, book),
            at,
            null,
            null,
            at,
            1,
            observation.message());
    TrackedIncident saved = book.insert(new TrackedIncident(incident, 0, at));
    book.link(saved.id(), observationId, ObservationRole.CAUSE);
    book.append(
        entry(
            saved.id(),
            at,
            TimelineKind.OPENED,
            incident.severity() + " " + incident.title() + ": " + observation.message()));
  }

  private void reopen(
      TrackedIncident resolved, long observationId, Observation observation, IncidentBook book) {
    Incident before = resolved.incident();
    Instant at = observation.observedAt();
    Incident reopened =
        new Incident(
            before.id(),
            before.key(),
            before.title(),
            before.subject(),
            before.cause(),
            before.kind(),
            before.severity(),
            before.severityRule(),
            IncidentStatus.OPEN,
            null,
            before.owner(),
            before.consumers(),
            before.agreements(),
            before.impact(),
            before.startedAt(),
            before.detectedAt(),
            null,
            null,
            at,
            before.observationCount() + 1,
            observation.message());
    book.update(new TrackedIncident(reopened, 0, resolved.severitySince()));
    book.link(before.id(), observationId, ObservationRole.CAUSE);
    book.append(
        entry(
            before.id(),
            at,
            TimelineKind.REOPENED,
            "failed again "
                + Values.human(Duration.between(before.resolvedAt(), at))
                + " after it was resolved: "
                + observation.message()));
  }

  private void joinAsCause(
      TrackedIncident tracked, long observationId, Observation observation, IncidentBook book) {
    Incident before = tracked.incident();
    Instant at = observation.observedAt();
    Incident joined =
        Incidents.worsened(
            Incidents.failedAgain(before, at, before.observationCount() + 1, observation.message()),
            new Cause(before.subject(), before.cause()),
            observation);
    boolean news =
        tracked.consecutivePasses() > 0 || !observation.message().equals(before.lastMessage());
    TrackedIncident updated = new TrackedIncident(joined, 0, tracked.severitySince());
    updated = reconsider(updated, observation, at, book);
    book.update(updated);
    book.link(before.id(), observationId, ObservationRole.CAUSE);
    if (news) {
      // the same failure again is counted, not written: the timeline stays readable
      book.append(entry(before.id(), at, TimelineKind.FAILED_AGAIN, observation.message()));
    }
  }

  private void addImpact(
      TrackedIncident tracked, Subject impacted, Observation observation, IncidentBook book) {
    Incident before = tracked.incident();
    if (before.impact().contains(impacted)) {
      book.update(tracked.with(Incidents.counted(before)));
      return;
    }
    List<Subject> impact = new ArrayList<>(before.impact());
    impact.add(impacted);
    TrackedIncident updated = tracked.with(Incidents.withImpact(Incidents.counted(before), impact));
    updated = reconsider(updated, observation, observation.observedAt(), book);
    book.update(updated);
    book.append(
        entry(
            before.id(),
            observation.observedAt(),
            TimelineKind.IMPACT_ADDED,
            impacted + ": " + observation.message()));
  }

  /** The severity again with what is known now; only ever raised automatically. */
  private TrackedIncident reconsider(
      TrackedIncident tracked, Observation observation, Instant at, IncidentBook book) {
    Incident incident = tracked.incident();
    Cause cause = new Cause(incident.subject(), incident.cause());
    SeverityInputs inputs = inputs(cause, incident.kind(), observation, incident.impact());
    SeverityDecision decision = severityPolicy.decide(inputs);
    Incident refreshed = Incidents.withAffected(incident, inputs.consumers(), inputs.promises());
    if (!decision.severity().isMoreUrgentThan(incident.severity())) {
      return tracked.with(refreshed);
    }
    book.append(
        entry(
            incident.id(),
            at,
            TimelineKind.SEVERITY_CHANGED,
            "severity "
                + incident.severity()
                + " -> "
                + decision.severity()
                + ": "
                + decision.rule()));
    return new TrackedIncident(
        Incidents.withSeverity(refreshed, decision.severity(), decision.rule()),
        tracked.consecutivePasses(),
        at);
  }

  private void pass(Observation observation, Cause cause, IncidentBook book) {
    book.active(cause.key()).ifPresent(tracked -> countPass(tracked, observation, book));
  }

  /**
   * A check that ran (passed, warned or failed on data, or hit an error other than reaching the
   * database) shows its database answers, and that its own earlier error is gone.
   */
  private void provesReachable(Observation observation, IncidentBook book) {
    boolean reached =
        observation.status() != Status.ERROR
            || !Cause.meansUnreachable(observation.errorCategory());
    String source = topology.sourceOf(observation.dataset());
    if (reached && source != null) {
      book.active(new Cause(Subject.source(source), Cause.UNREACHABLE).key())
          .ifPresent(tracked -> countPass(tracked, observation, book));
    }
    if (observation.status() == Status.ERROR) {
      return;
    }
    for (TrackedIncident tracked : book.activeAbout(Subject.dataset(observation.dataset()))) {
      Incident incident = tracked.incident();
      if (new Cause(incident.subject(), incident.cause()).isDatasetError()
          && book.causeChecks(incident.id()).contains(observation.check())) {
        countPass(tracked, observation, book);
      }
    }
  }

  private void countPass(TrackedIncident tracked, Observation observation, IncidentBook book) {
    int passes = tracked.consecutivePasses() + 1;
    Incident incident = tracked.incident();
    // a pipeline rule passes once per slot or run: the next one on time is the fix
    int needed = incident.subject().kind() == SubjectKind.PIPELINE ? 1 : policy.autoResolveAfter();
    if (passes < needed) {
      book.update(new TrackedIncident(incident, passes, tracked.severitySince()));
      return;
    }
    Instant at = observation.observedAt();
    Incident resolved = Incidents.resolved(incident, Resolution.FIXED, at);
    book.update(new TrackedIncident(resolved, passes, tracked.severitySince()));
    book.append(
        entry(
            incident.id(),
            at,
            TimelineKind.RESOLVED,
            "fixed: passed "
                + passes
                + (passes == 1 ? " time" : " times in a row")
                + " ("
                + observation.dataset()
                + "."
                + observation.check()
                + ": "
                + observation.message()
                + ")"));
  }

  /** An active source incident of the dataset's source, or a pipeline one upstream of it. */
  private Optional<TrackedIncident> upstreamOf(String dataset, IncidentBook book) {
    String source = topology.sourceOf(dataset);
    if (source != null) {
      Optional<TrackedIncident> down =
          book.active(new Cause(Subject.source(source), Cause.UNREACHABLE).key());
      if (down.isPresent()) {
        return down;
      }
    }
    for (String pipeline : topology.pipelinesUpstreamOf(dataset)) {
      for (TrackedIncident tracked : book.activeAbout(Subject.pipeline(pipeline))) {
        if (tracked.incident().kind() == Kind.SYSTEM) {
          return Optional.of(tracked);
        }
      }
    }
    return Optional.empty();
  }

  /** A source's datasets and a failed pipeline's downstream are at risk from the start. */
  private List<Subject> initialImpact(Subject subject, Observation observation) {
    Set<String> datasets = new LinkedHashSet<>();
    if (subject.kind() == SubjectKind.SOURCE) {
      datasets.add(observation.dataset());
      datasets.addAll(topology.closure(topology.datasetsOn(subject.name())));
    } else if (subject.kind() == SubjectKind.PIPELINE && observation.kind() == Kind.SYSTEM) {
      datasets.addAll(topology.downstreamOfPipeline(subject.name()));
    }
    return datasets.stream().map(Subject::dataset).toList();
  }

  private SeverityInputs inputs(
      Cause cause, Kind kind, Observation observation, List<Subject> impact) {
    Subject subject = cause.subject();
    Set<String> datasets = new LinkedHashSet<>();
    Set<String> tags = new LinkedHashSet<>(topology.tagsOf(subject));
    Set<String> pipelines = new LinkedHashSet<>();
    if (subject.kind() == SubjectKind.DATASET) {
      datasets.add(subject.name());
    }
    if (subject.kind() == SubjectKind.PIPELINE) {
      pipelines.add(subject.name());
    }
    impact.stream()
        .filter(s -> s.kind() == SubjectKind.DATASET)
        .forEach(s -> datasets.add(s.name()));
    for (String dataset : datasets) {
      tags.addAll(topology.tagsOf(Subject.dataset(dataset)));
      pipelines.addAll(topology.pipelinesWriting(dataset));
    }
    List<TouchedAgreement> touched = agreements.touchedBy(cause, datasets);
    Status status = observation.status() == Status.PASS ? Status.FAIL : observation.status();
    return new SeverityInputs(
        subject,
        kind,
        status,
        observation.checkType(),
        List.copyOf(datasets),
        List.copyOf(tags),
        List.copyOf(pipelines),
        topology.ownerOf(subject),
        touched);
  }

  private static TimelineEntry entry(long incidentId, Instant at, TimelineKind kind, String text) {
    return new TimelineEntry(0, incidentId, at, kind, TimelineEntry.NINES, text);
  }
}
