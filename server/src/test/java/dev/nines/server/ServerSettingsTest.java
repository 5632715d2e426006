package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.spec.Spec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
  @Test
  void the_spec_key_wins_over_the_environment() {
    ServerSettings settings =
        ServerSettings.from(spec("{\"api_key\": \"from-spec\"}"), Map.of("NINES_API_KEY", "env"));

    assertThat(settings.apiKey()).isEqualTo("from-spec");
  }

  @Test
  void without_a_server_section_the_key_comes_from_the_environment_and_the_limit_is_one_mib() {
    ServerSettings settings = ServerSettings.from(spec(null), Map.of("NINES_API_KEY", "env"));

    assertThat(settings.apiKey()).isEqualTo("env");
    assertThat(settings.maxBodyBytes()).isEqualTo(1024 * 1024);
  }

  @Test
  void an_empty_key_means_no_key() {
    assertThat(ServerSettings.from(spec("{\"api_key\": \"\"}"), Map.of()).apiKey()).isNull();
  }

  @Test
  void max_body_reads_sizes_with_units() {
    assertThat(ServerSettings.from(spec("{\"max_body\": \"4MiB\"}"), Map.of()).maxBodyBytes())
        .isEqualTo(4 * 1024 * 1024);
    assertThat(ServerSettings.from(spec("{\"max_body\": \"512kb\"}"), Map.of()).maxBodyBytes())
        .isEqualTo(512_000);
    assertThat(ServerSettings.from(spec("{\"max_body\": 2048}"), Map.of()).maxBodyBytes())
        .isEqualTo(2048);
  }

  @Test
  void an_unreadable_max_body_names_the_field() {
    assertThatThrownBy(() -> ServerSettings.from(spec("{\"max_body\": \"huge\"}"), Map.of()))
        .hasMessageStartingWith("server.max_body must be a size");
  }

  static Spec spec(String serverSection) {
    try {
      Map<String, JsonNode> later =
          serverSection == null
              ? Map.of()
              : Map.of("server", new ObjectMapper().readTree(serverSection));
      return new Spec(Map.of(), Map.of(), null, later, List.of());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
