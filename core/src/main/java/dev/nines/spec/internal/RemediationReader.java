package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.spec.Problems;
import dev.nines.spec.RemediationSpec;
import dev.nines.spec.RemediationSpec.Airflow;
import dev.nines.spec.RemediationSpec.AirflowApi;
import dev.nines.spec.RemediationSpec.Runbook;
import dev.nines.spec.RemediationSpec.Webhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Reads a pipeline's {@code remediation:} map: exactly one action, automatic, max_attempts. */
final class RemediationReader {
  private static final String SHAPE =
      "a map with one of airflow, webhook or runbook, and optionally automatic and max_attempts";

  private final Fields fields;
  private final Problems problems;

  RemediationReader(Fields fields) {
    this.fields = fields;
    this.problems = fields.problems();
  }

  /** The remediation, or null when absent or too broken to use (reported). */
  RemediationSpec read(Located value, String what) {
    if (value.isAbsent() || !fields.map(value, SHAPE)) {
      return null;
    }
    String where = "remediation of " + what;
    fields.rejectUnknownKeys(value, SpecKeys.REMEDIATION, where);
    List<Located> actions =
        SpecKeys.REMEDIATION_ACTIONS.stream().map(value::child).filter(a -> !a.isAbsent()).toList();
    if (actions.isEmpty()) {
      problems.add(
          value.keyLocation(),
          value.field(),
          where + " has no action",
          "add one of airflow: {url, dag}, webhook: {url} or runbook: <link>");
    } else if (actions.size() > 1) {
      problems.add(
          actions.get(1).keyLocation(),
          actions.get(1).field(),
          where + " sets both " + actions.get(0).key() + " and " + actions.get(1).key(),
          "keep one action per pipeline; an agreement can name another pipeline's remediation");
    }
    boolean automatic = automatic(value.child("automatic"));
    Integer maxAttempts = fields.positiveInt(value.child("max_attempts"));
    RemediationSpec.Action action = actions.isEmpty() ? null : action(actions.get(0), where);
    if (action != null && !action.runnable() && automatic) {
      problems.add(
          value.child("automatic").location(),
          value.child("automatic").field(),
          "a runbook cannot run automatically",
          "remove automatic: true, or use airflow: or webhook:");
      return null;
    }
    if (action == null) {
      return null;
    }
    return new RemediationSpec(
        action,
        automatic,
        maxAttempts == null ? RemediationSpec.DEFAULT_MAX_ATTEMPTS : maxAttempts,
        value.keyLocation());
  }

  /** A dataset's {@code runbook:}: a link or text, or null. */
  String runbook(Located value) {
    return value.isAbsent() ? null : fields.requiredTextValue(value);
  }

  private RemediationSpec.Action action(Located action, String where) {
    return switch (action.key()) {
      case "airflow" -> airflow(action, where);
      case "webhook" -> webhook(action, where);
      default -> {
        String link = fields.requiredTextValue(action);
        yield link == null ? null : new Runbook(link);
      }
    };
  }

  private Airflow airflow(Located airflow, String where) {
    if (!fields.map(airflow, "a map with url and dag, and user and password or token")) {
      return null;
    }
    String what = "airflow of " + where;
    fields.rejectUnknownKeys(airflow, SpecKeys.AIRFLOW, what);
    URI url = httpUrl(airflow, what);
    String dag = fields.requiredText(airflow, "dag", what);
    String user = fields.text(airflow.child("user"));
    String password = fields.text(airflow.child("password"));
    String token = fields.text(airflow.child("token"));
    AirflowApi api = api(airflow.child("api_version"));
    ObjectNode conf = conf(airflow.child("conf"));
    boolean broken = false;
    if (password != null && user == null) {
      problems.add(
          airflow.child("password").keyLocation(),
          airflow.child("password").field(),
          "a password needs a user",
          "add user: ${AIRFLOW_USER}");
      broken = true;
    }
    if (token != null && user != null) {
      problems.add(
          airflow.child("token").keyLocation(),
          airflow.child("token").field(),
          what + " sets both user and token",
          "keep user and password (basic auth) or token (bearer), not both");
      broken = true;
    }
    if (api == AirflowApi.V2 && user != null) {
      problems.add(
          airflow.child("user").keyLocation(),
          airflow.child("user").field(),
          "the Airflow 3 API (api_version: v2) takes a token, not a user and password",
          "get a token from the Airflow API server's /auth/token and set token: ${AIRFLOW_TOKEN}");
      broken = true;
    }
    if (broken || url == null || dag == null) {
      return null;
    }
    return new Airflow(url, dag, user, password, token, conf, api);
  }

  private Webhook webhook(Located webhook, String where) {
    if (!fields.map(webhook, "a map with url and optionally secret")) {
      return null;
    }
    String what = "webhook of " + where;
    fields.rejectUnknownKeys(webhook, SpecKeys.REMEDIATION_WEBHOOK, what);
    URI url = httpUrl(webhook, what);
    String secret = fields.text(webhook.child("secret"));
    return url == null ? null : new Webhook(url, secret);
  }

  private URI httpUrl(Located parent, String what) {
    String text = fields.requiredText(parent, "url", what);
    if (text == null) {
      return null;
    }
    Located value = parent.child("url");
    try {
      URI url = new URI(text.strip());
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
      if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(
        value.location(),
        value.field(),
        "'" + text + "' is not an http(s) url",
        "for example http://airflow:8080");
    return null;
  }

  private boolean automatic(Located value) {
    if (value.isAbsent()) {
      return false;
    }
    if (!value.node().isBoolean()) {
      fields.wrongKind(value, "true or false");
      return false;
    }
    return value.node().booleanValue();
  }

  private AirflowApi api(Located value) {
    String text = fields.text(value);
    if (text == null) {
      return AirflowApi.V1;
    }
    return switch (text.strip().toLowerCase()) {
      case "v1" -> AirflowApi.V1;
      case "v2" -> AirflowApi.V2;
      default -> {
        problems.add(
            value.location(),
            value.field(),
            "unknown Airflow API version '" + text + "'",
            "v1 for Airflow 2 (the stable REST API), v2 for Airflow 3");
        yield AirflowApi.V1;
      }
    };
  }

  private ObjectNode conf(Located value) {
    if (value.isAbsent()) {
      return null;
    }
    JsonNode node = value.node();
    if (!node.isObject()) {
      fields.wrongKind(value, "a map of run configuration");
      return null;
    }
    return (ObjectNode) node;
  }
}
