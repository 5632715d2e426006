package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.spec.RemediationSpec.Airflow;
import dev.nines.spec.RemediationSpec.AirflowApi;
import dev.nines.spec.RemediationSpec.Runbook;
import dev.nines.spec.RemediationSpec.Webhook;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemediationSpecTest {
  private static final String DATASETS =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders: { source: warehouse, table: orders, runbook: "https://wiki/runbooks/orders" }
      """;

  @TempDir Path folder;

  private Spec load(String pipelines) {
    SpecFiles files =
        new SpecFiles(folder).environment(Map.of("AF_USER", "robot", "AF_PASSWORD", "pw-123"));
    return files.load(files.write("nines.yml", DATASETS + pipelines));
  }

  private List<String> problems(String pipelines) {
    return new SpecFiles(folder).problemLines(DATASETS + pipelines);
  }

  @Test
  void an_airflow_remediation_is_read_with_its_defaults() {
    Spec spec =
        load(
            """
            pipelines:
              load_orders:
                outputs: [orders]
                remediation:
                  airflow:
                    url: http://airflow:8080
                    dag: orders_dag
                    user: ${AF_USER}
                    password: ${AF_PASSWORD}
                    conf: { full_refresh: true }
            """);

    RemediationSpec remediation = spec.pipelines().get("load_orders").remediationSpec();
    assertThat(remediation.automatic()).isFalse();
    assertThat(remediation.maxAttempts()).isEqualTo(1);
    Airflow airflow = (Airflow) remediation.action();
    assertThat(airflow.url()).isEqualTo(URI.create("http://airflow:8080"));
    assertThat(airflow.dag()).isEqualTo("orders_dag");
    assertThat(airflow.user()).isEqualTo("robot");
    assertThat(airflow.password()).isEqualTo("pw-123");
    assertThat(airflow.token()).isNull();
    assertThat(airflow.api()).isEqualTo(AirflowApi.V1);
    assertThat(airflow.conf().get("full_refresh").booleanValue()).isTrue();
    assertThat(airflow.toString()).doesNotContain("pw-123").doesNotContain("robot");
    assertThat(remediation.location().line()).isEqualTo(8);
  }

  @Test
  void webhook_runbook_automatic_and_max_attempts_are_read() {
    Spec spec =
        load(
            """
            pipelines:
              hook:
                remediation:
                  webhook: { url: "https://hooks.example.com/x?token=abc", secret: s3cret }
                  automatic: ${AUTO:-true}
                  max_attempts: ${TRIES:-3}
              manual:
                remediation: { runbook: "https://wiki/runbooks/manual" }
              airflow3:
                remediation: { airflow: { url: "https://af", dag: d, token: t0k, api_version: v2 } }
            """);

    RemediationSpec hook = spec.pipelines().get("hook").remediationSpec();
    assertThat(hook.action())
        .isEqualTo(new Webhook(URI.create("https://hooks.example.com/x?token=abc"), "s3cret"));
    assertThat(hook.action().toString()).isEqualTo("Webhook[url=https://hooks.example.com]");
    assertThat(hook.automatic()).isTrue();
    assertThat(hook.maxAttempts()).isEqualTo(3);
    assertThat(spec.pipelines().get("manual").remediationSpec().action())
        .isEqualTo(new Runbook("https://wiki/runbooks/manual"));
    Airflow airflow3 = (Airflow) spec.pipelines().get("airflow3").remediationSpec().action();
    assertThat(airflow3.api()).isEqualTo(AirflowApi.V2);
    assertThat(airflow3.token()).isEqualTo("t0k");
    assertThat(spec.datasets().get("orders").runbook()).isEqualTo("https://wiki/runbooks/orders");
    assertThat(spec.pipelines().get("hook").remediation().at("/webhook/secret").asText())
        .isEqualTo("s3cret");
  }

  @Test
  void every_mistake_in_a_remediation_is_reported_at_its_place_with_a_hint() {
    assertThat(
            problems(
                """
                pipelines:
                  none: { remediation: { automatic: true } }
                  two:
                    remediation: { runbook: "x", webhook: { url: "http://h" } }
                  bad_airflow:
                    remediation:
                      airflow: { url: "airflow:8080", dga: d, password: p, api_version: v3 }
                  auto_runbook: { remediation: { runbook: wiki, automatic: yes-please } }
                  zero: { remediation: { runbook: wiki, max_attempts: 0 } }
                  v2_basic:
                    remediation: { airflow: { url: "http://af", dag: d, user: u, api_version: v2 } }
                """))
        .containsExactly(
            "nines.yml:6:11: pipelines.none.remediation: remediation of pipeline none has no"
                + " action (add one of airflow: {url, dag}, webhook: {url} or runbook: <link>)",
            "nines.yml:8:20: pipelines.two.remediation.runbook: remediation of pipeline two sets"
                + " both webhook and runbook (keep one action per pipeline; an agreement can name"
                + " another pipeline's remediation)",
            "nines.yml:11:7: pipelines.bad_airflow.remediation.airflow.dag: airflow of remediation"
                + " of pipeline bad_airflow needs 'dag'",
            "nines.yml:11:23: pipelines.bad_airflow.remediation.airflow.url: 'airflow:8080' is not"
                + " an http(s) url (for example http://airflow:8080)",
            "nines.yml:11:39: pipelines.bad_airflow.remediation.airflow.dga: unknown key 'dga' in"
                + " airflow of remediation of pipeline bad_airflow — did you mean 'dag'? (known"
                + " keys: url, dag, user, password, token, conf, api_version)",
            "nines.yml:11:47: pipelines.bad_airflow.remediation.airflow.password: a password needs"
                + " a user (add user: ${AIRFLOW_USER})",
            "nines.yml:11:73: pipelines.bad_airflow.remediation.airflow.api_version: unknown"
                + " Airflow API version 'v3' (v1 for Airflow 2 (the stable REST API), v2 for"
                + " Airflow 3)",
            "nines.yml:12:60: pipelines.auto_runbook.remediation.automatic: expected true or"
                + " false, got text",
            "nines.yml:13:55: pipelines.zero.remediation.max_attempts: must be at least 1, got 0",
            "nines.yml:15:57: pipelines.v2_basic.remediation.airflow.user: the Airflow 3 API"
                + " (api_version: v2) takes a token, not a user and password (get a token from the"
                + " Airflow API server's /auth/token and set token: ${AIRFLOW_TOKEN})");
  }
}
