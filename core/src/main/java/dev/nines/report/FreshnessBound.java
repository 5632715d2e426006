package dev.nines.report;

import dev.nines.spec.AgreementSpec;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.SliSpec;
import dev.nines.spec.SloSpec;
import dev.nines.spec.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A promise about a dataset's age behind an agreement: a freshness SLO or a freshness check, with
 * the age it must stay under.
 *
 * @param dataset the dataset whose age is watched
 * @param check the freshness check whose observations count; null for every freshness check of the
 *     dataset (a freshness SLO reads them all)
 * @param promisedBy what makes the promise, e.g. {@code SLO orders_fresh} or {@code check
 *     orders.freshness}
 * @param bound the age the promise allows
 */
public record FreshnessBound(String dataset, String check, String promisedBy, Duration bound) {
  public FreshnessBound {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(promisedBy, "promisedBy");
    Objects.requireNonNull(bound, "bound");
  }

  /**
   * The age promises behind {@code agreement}: its freshness SLOs, SLOs on a freshness check, its
   * freshness checks and those of its datasets; one per dataset, check and bound (a freshness SLO
   * stands for the checks of its dataset with the same bound).
   */
  public static List<FreshnessBound> of(
      AgreementSpec agreement, Map<String, DatasetSpec> datasets, Map<String, SloSpec> slos) {
    List<FreshnessBound> bounds = new ArrayList<>();
    for (String name : agreement.slos()) {
      SloSpec slo = slos.get(name);
      if (slo == null) {
        continue;
      }
      if (slo.sli() instanceof SliSpec.Freshness freshness) {
        add(
            bounds,
            new FreshnessBound(freshness.dataset(), null, "SLO " + name, freshness.maxAge()));
      } else if (slo.sli() instanceof SliSpec.CheckResults results) {
        freshnessCheck(datasets, results.dataset(), results.check())
            .ifPresent(bound -> add(bounds, bound.promisedBy("SLO " + name)));
      }
    }
    for (String written : agreement.checks()) {
      int dot = written.indexOf('.');
      if (dot > 0) {
        freshnessCheck(datasets, written.substring(0, dot), written.substring(dot + 1))
            .ifPresent(bound -> add(bounds, bound));
      }
    }
    for (String dataset : agreement.datasets()) {
      DatasetSpec spec = datasets.get(dataset);
      if (spec != null) {
        for (CheckSpec check : spec.checks()) {
          freshnessCheck(datasets, dataset, nameOf(check)).ifPresent(bound -> add(bounds, bound));
        }
      }
    }
    return bounds;
  }

  private FreshnessBound promisedBy(String words) {
    return new FreshnessBound(dataset, check, words, bound);
  }

  private static Optional<FreshnessBound> freshnessCheck(
      Map<String, DatasetSpec> datasets, String dataset, String check) {
    DatasetSpec spec = datasets.get(dataset);
    if (spec == null) {
      return Optional.empty();
    }
    for (CheckSpec candidate : spec.checks()) {
      if ("freshness".equals(candidate.type()) && check.equals(nameOf(candidate))) {
        return failAge(candidate)
            .map(
                fail -> new FreshnessBound(dataset, check, "check " + dataset + "." + check, fail));
      }
    }
    return Optional.empty();
  }

  private static Optional<Duration> failAge(CheckSpec check) {
    var fail = check.options() == null ? null : check.options().get("fail");
    if (fail == null || !fail.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Values.duration(fail.asText()));
    } catch (IllegalArgumentException e) {
      // the spec's validation reports it; a report only leaves the chart out
      return Optional.empty();
    }
  }

  private static String nameOf(CheckSpec check) {
    return check.name() == null ? check.type() : check.name();
  }

  private static void add(List<FreshnessBound> bounds, FreshnessBound bound) {
    boolean known =
        bounds.stream()
            .anyMatch(
                b ->
                    b.dataset().equals(bound.dataset())
                        && b.bound().equals(bound.bound())
                        // a freshness SLO reads every freshness check of its dataset
                        && (b.check() == null
                            || bound.check() == null
                            || b.check().equals(bound.check())));
    if (!known) {
      bounds.add(bound);
    }
  }
}
