package dev.nines.server.lineage;

import io.openlineage.client.OpenLineage;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

/** What a RunEvent's run facets say: parent run, nominal time, error message and stack trace. */
record RunFacetValues(
    UUID parentRunId,
    Instant nominalStart,
    Instant nominalEnd,
    String errorMessage,
    String stackTrace) {
  static RunFacetValues of(OpenLineage.RunFacets facets) {
    if (facets == null) {
      return new RunFacetValues(null, null, null, null, null);
    }
    UUID parent =
        facets.getParent() == null || facets.getParent().getRun() == null
            ? null
            : facets.getParent().getRun().getRunId();
    OpenLineage.NominalTimeRunFacet nominal = facets.getNominalTime();
    OpenLineage.ErrorMessageRunFacet error = facets.getErrorMessage();
    return new RunFacetValues(
        parent,
        nominal == null ? null : instant(nominal.getNominalStartTime()),
        nominal == null ? null : instant(nominal.getNominalEndTime()),
        error == null ? null : error.getMessage(),
        error == null ? null : error.getStackTrace());
  }

  private static Instant instant(ZonedDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
