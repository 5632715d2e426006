package dev.nines.spec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Objects;

/**
 * How to fix what a pipeline produces: one action, run on request or automatically.
 *
 * @param action what to run (or, for a runbook, only show)
 * @param automatic whether Nines starts it by itself when an incident opens or reopens
 * @param maxAttempts how many automatic attempts one incident gets (at least 1)
 * @param location where it was declared
 */
public record RemediationSpec(
    Action action, boolean automatic, int maxAttempts, SpecLocation location) {
  public static final int DEFAULT_MAX_ATTEMPTS = 1;

  public RemediationSpec {
    Objects.requireNonNull(action, "action");
    location = location == null ? SpecLocation.UNKNOWN : location;
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** One kind of action; {@link #runnable()} says whether there is anything to run. */
  public sealed interface Action permits Airflow, Webhook, Runbook {
    /** {@code airflow}, {@code webhook} or {@code runbook}, as written in the spec. */
    String type();

    /** Whether running it does something (a runbook is only shown). */
    default boolean runnable() {
      return true;
    }
  }

  /** The Airflow REST API version: v1 (Airflow 2, stable API) or v2 (Airflow 3). */
  public enum AirflowApi {
    V1,
    V2;

    /** {@code v1} or {@code v2}, as in the url path. */
    public String pathSegment() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Re-triggers an Airflow DAG through its REST API, with basic auth (user, password) or a bearer
   * token.
   *
   * @param url the Airflow webserver (or API server) base url, e.g. {@code http://airflow:8080}
   * @param dag the DAG id
   * @param conf extra run configuration, a JSON object (the incident id is added to it)
   * @param api v1 (default) or v2
   */
  public record Airflow(
      URI url,
      String dag,
      String user,
      String password,
      String token,
      ObjectNode conf,
      AirflowApi api)
      implements Action {
    public Airflow {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(dag, "dag");
      conf = conf == null ? JsonNodeFactory.instance.objectNode() : conf.deepCopy();
      api = api == null ? AirflowApi.V1 : api;
      if (password != null && user == null) {
        throw new IllegalArgumentException("a password needs a user");
      }
    }

    @Override
    public String type() {
      return "airflow";
    }

    /** Printable form without credentials. */
    @Override
    public String toString() {
      return "Airflow[url=" + origin(url) + ", dag=" + dag + ", api=" + api + "]";
    }
  }

  /**
   * Calls a webhook with the incident as JSON, signed with HMAC-SHA256 when a secret is set.
   *
   * @param secret may be null: the request is then unsigned
   */
  public record Webhook(URI url, String secret) implements Action {
    public Webhook {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String type() {
      return "webhook";
    }

    /** Printable form without the secret or the url's path, which may carry a token. */
    @Override
    public String toString() {
      return "Webhook[url=" + origin(url) + "]";
    }
  }

  /** Nothing to run: a link (or text) a person follows to fix it by hand. */
  public record Runbook(String link) implements Action {
    public Runbook {
      if (link == null || link.isBlank()) {
        throw new IllegalArgumentException("a runbook needs a link or text");
      }
    }

    @Override
    public String type() {
      return "runbook";
    }

    @Override
    public boolean runnable() {
      return false;
    }
  }

  /** Scheme, host and port of a url: what may be shown of it, since paths can carry tokens. */
  public static String origin(URI url) {
    if (url.getHost() == null) {
      return "<url>";
    }
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }
}
