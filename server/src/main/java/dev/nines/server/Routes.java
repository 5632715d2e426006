package dev.nines.server;

import dev.nines.server.api.Route;
import dev.nines.server.dataset.DatasetController;
import dev.nines.server.health.HealthController;
import dev.nines.server.incident.IncidentController;
import dev.nines.server.lineage.LineageController;
import dev.nines.server.notify.SilenceController;
import dev.nines.server.observation.ObservationController;
import dev.nines.server.pipeline.PipelineController;
import dev.nines.server.remediation.RemediationController;
import dev.nines.server.report.ReportController;
import dev.nines.server.run.RunController;
import dev.nines.server.slo.SloController;
import io.javalin.http.Handler;
import java.util.List;

/**
 * Every endpoint of the server, in one list: what is registered and what openapi.yaml documents.
 */
final class Routes {
  private Routes() {}

  static List<Route> all(
      HealthController health,
      LineageController lineage,
      RunController runs,
      PipelineController pipelines,
      DatasetController datasets,
      ObservationController observations,
      IncidentController incidents,
      RemediationController remediations,
      ReportController reports,
      SilenceController silences,
      SloController slos,
      Handler reload,
      Handler openApi) {
    return List.of(
        Route.get("/health", health::health),
        Route.get("/ready", health::ready),
        Route.get("/api/v1/openapi.yaml", openApi),
        Route.post("/api/v1/reload", reload),
        Route.post("/api/v1/lineage", lineage::single),
        Route.post("/api/v1/lineage/batch", lineage::batch),
        Route.get("/api/v1/pipelines", pipelines::list),
        Route.post("/api/v1/pipelines/{name}/runs", runs::start),
        Route.get("/api/v1/pipelines/{name}/runs", pipelines::runs),
        Route.get("/api/v1/runs/{id}", pipelines::run),
        Route.post("/api/v1/runs/{id}/complete", runs::complete),
        Route.post("/api/v1/runs/{id}/fail", runs::fail),
        Route.get("/api/v1/datasets", datasets::list),
        Route.get("/api/v1/datasets/{name}/observations", datasets::observations),
        Route.get("/api/v1/observations", observations::list),
        Route.get("/api/v1/incidents", incidents::list),
        Route.get("/api/v1/incidents/stats", incidents::stats),
        Route.get("/api/v1/incidents/{id}", incidents::show),
        Route.post("/api/v1/incidents/{id}/acknowledge", incidents::acknowledge),
        Route.post("/api/v1/incidents/{id}/resolve", incidents::resolve),
        Route.post("/api/v1/incidents/{id}/assign", incidents::assign),
        Route.post("/api/v1/incidents/{id}/comment", incidents::comment),
        Route.post("/api/v1/incidents/{id}/remediate", remediations::remediate),
        Route.get("/api/v1/incidents/{id}/remediations", remediations::list),
        Route.get("/api/v1/reports/sla/{consumer}", reports::sla),
        Route.get("/api/v1/reports/downtime", reports::downtime),
        Route.get("/api/v1/reports/datasets/{name}", reports::dataset),
        Route.get("/api/v1/slos", slos::list),
        Route.get("/api/v1/slos/{name}", slos::show),
        Route.get("/api/v1/silences", silences::list),
        Route.post("/api/v1/silences", silences::add),
        Route.delete("/api/v1/silences/{id}", silences::remove));
  }
}
