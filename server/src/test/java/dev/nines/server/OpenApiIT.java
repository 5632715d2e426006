package dev.nines.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** openapi.yaml documents exactly the routes the server registers. */
class OpenApiIT {
  @TempDir Path folder;

  @Test
  void every_registered_route_is_documented_and_every_documented_route_is_registered()
      throws Exception {
    JsonNode document;
    try (InputStream in = OpenApiIT.class.getResourceAsStream("/openapi.yaml")) {
      document = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    Set<String> documented = new HashSet<>();
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (!method.equals("parameters")) {
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));

    Set<String> registered = new HashSet<>();
    try (TestServer server = TestServer.start(folder, "")) {
      server.server.routes().forEach(route -> registered.add(route.method() + " " + route.path()));
    }

    assertThat(registered).isNotEmpty().isEqualTo(documented);
  }
}
