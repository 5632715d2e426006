package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLifecycleIT {
  @TempDir Path folder;
  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(folder, "");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void health_answers_ok() {
    HttpResponse<String> response = server.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.of(response).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void ready_answers_ready_once_the_store_is_migrated() {
    HttpResponse<String> response = server.get("/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.of(response).get("status").asText()).isEqualTo("ready");
  }

  @Test
  void an_unknown_endpoint_is_a_json_404() {
    HttpResponse<String> response = server.get("/api/v1/nothing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Json.of(response).get("error").asText()).isEqualTo("not_found");
    assertThat(Json.of(response).get("detail").asText()).contains("/api/v1/nothing");
  }

  @Test
  void reload_puts_a_valid_new_spec_in_force() throws IOException {
    String spec = Files.readString(server.specFile);
    Files.writeString(
        server.specFile,
        spec.replace(
            "pipelines:",
            """
              customers:
                source: warehouse
                table: public.customers
            pipelines:"""));

    HttpResponse<String> response = server.post("/api/v1/reload", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.of(response).get("datasets").asInt()).isEqualTo(2);
    assertThat(server.server.spec().datasets()).containsKeys("orders", "customers");
  }

  @Test
  void reload_refuses_an_invalid_spec_and_keeps_the_old_one() throws IOException {
    Files.writeString(
        server.specFile, Files.readString(server.specFile) + "\nunknown_section: {}\n");

    HttpResponse<String> response = server.post("/api/v1/reload", "");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = Json.of(response);
    assertThat(body.get("error").asText()).isEqualTo("invalid_spec");
    assertThat(body.get("problems").get(0).asText()).contains("unknown_section");
    assertThat(server.server.spec().datasets()).containsOnlyKeys("orders");
  }

  @Test
  void the_openapi_document_is_served() {
    HttpResponse<String> response = server.get("/api/v1/openapi.yaml");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("openapi: 3");
  }

  @Test
  void after_close_the_port_refuses_connections() {
    String url = server.url("/health");
    server.close();

    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void bad_paging_parameters_are_refused_naming_the_parameter() {
    HttpResponse<String> tooMany = server.get("/api/v1/observations?limit=501");
    HttpResponse<String> notNumber = server.get("/api/v1/pipelines?offset=abc");
    HttpResponse<String> badStatus = server.get("/api/v1/observations?status=BROKEN");
    HttpResponse<String> badSince = server.get("/api/v1/observations?since=yesterday");

    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(Json.of(tooMany).get("detail").asText())
        .startsWith("limit must be between 1 and 500");
    assertThat(Json.of(notNumber).get("detail").asText())
        .startsWith("offset must be a whole number");
    assertThat(Json.of(badStatus).get("detail").asText()).startsWith("status must be one of");
    assertThat(Json.of(badSince).get("detail").asText()).startsWith("since must be an ISO-8601");
  }
}
