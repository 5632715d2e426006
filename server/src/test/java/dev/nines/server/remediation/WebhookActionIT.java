package dev.nines.server.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.incident.Subject;
import dev.nines.remediation.RemediationOffer;
import dev.nines.spec.RemediationSpec.Runbook;
import dev.nines.spec.RemediationSpec.Webhook;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookActionIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Receiver hook = new Receiver();

  @AfterEach
  void stop() {
    hook.close();
  }

  private ActionOutcome call(dev.nines.spec.RemediationSpec.Action action) {
    RemediationOffer offer = new RemediationOffer("load_orders", "test", action, false, 1);
    return new Actions(Duration.ofSeconds(10))
        .run(
            new ActionRequest(
                Incidents.open(9, Subject.pipeline("load_orders")),
                offer,
                1,
                "nines",
                Incidents.DETECTED));
  }

  @Test
  void the_incident_is_posted_as_json_signed_with_hmac_sha256() throws Exception {
    hook.answer(202, "");
    URI url = URI.create(hook.url() + "/fix?token=abc");

    ActionOutcome outcome = call(new Webhook(url, "s3cret"));

    Receiver.Request request = hook.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/fix");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String timestamp = Long.toString(Incidents.DETECTED.getEpochSecond());
    String signed = timestamp + "." + request.body();
    String expected =
        "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    assertThat(request.header("X-Nines-Timestamp")).isEqualTo(timestamp);
    assertThat(request.header("X-Nines-Signature")).isEqualTo(expected);
    assertThat(request.header("X-Nines-Delivery")).isEqualTo("nines-incident-9-attempt-1");
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.get("action").asText()).isEqualTo("load_orders");
    assertThat(body.get("run_id").asText()).isEqualTo("nines-incident-9-attempt-1");
    assertThat(body.get("triggered_by").asText()).isEqualTo("nines");
    assertThat(body.at("/incident/id").asLong()).isEqualTo(9);
    assertThat(body.at("/incident/subject/kind").asText()).isEqualTo("PIPELINE");
    assertThat(body.at("/incident/impact/0/name").asText()).isEqualTo("revenue");
    assertThat(body.at("/incident/severity").asText()).isEqualTo("SEV1");
    assertThat(outcome.timelineText())
        .isEqualTo("succeeded: the webhook at " + hook.url() + " answered HTTP 202");
  }

  @Test
  void an_unsigned_webhook_has_no_signature_and_an_error_answer_fails_the_attempt() {
    hook.answer(500, "boom");

    ActionOutcome outcome = call(new Webhook(hook.url(), null));

    assertThat(hook.requests().get(0).header("X-Nines-Signature")).isNull();
    assertThat(hook.requests().get(0).header("X-Nines-Timestamp")).isNull();
    assertThat(outcome.timelineText())
        .isEqualTo("failed: the webhook at " + hook.url() + " answered HTTP 500: boom");
  }

  @Test
  void a_runbook_runs_nothing_and_returns_its_link() {
    ActionOutcome outcome = call(new Runbook("https://wiki/runbooks/orders"));

    assertThat(hook.requests()).isEmpty();
    assertThat(outcome.reference()).isEqualTo("https://wiki/runbooks/orders");
    assertThat(outcome.timelineText())
        .isEqualTo("succeeded: nothing run; follow the runbook: https://wiki/runbooks/orders");
  }
}
