package dev.nines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Migrations are named one way, numbered without gaps, and never edited once they landed. */
class MigrationsTest {
  /** SHA-256 of each landed migration. Changing one breaks every existing store: add a new one. */
  private static final Map<String, String> LANDED =
      Map.of(
          "V1__create_check_history.sql",
          "afe3736b89021440ce48571191a7a4001c80fe3f70fce02e2be4b94e5425b3a6",
          "V2__create_pipeline_runs.sql",
          "72ea8389aef47f80fbe1c542033469423b4863c970c1deadf17e1102a1235723",
          "V3__create_scheduled_tasks.sql",
          "f7abe32a78c1065ca116e1876f3eed392f2877094682aaaaf7072566afa9d6c7",
          "V4__create_incidents.sql",
          "cc4210ff1da925fd30dcbf0985bb4f9eceeafa33135b2814dd557fea8e3ae513",
          "V5__create_notifications.sql",
          "d8155bb17aaceb034d670202c75477f2511942f039030db5d0b3c6c9f61e1715",
          "V6__create_slo_buckets.sql",
          "5867bcf3e0da373fc984fa48b9717278ac1044d082b8b255bd6ef22ddd60849c",
          "V7__add_notify_group_impact_heard.sql",
          "cc6bdf0d41a0c214359df05a0750ecb5821209353eba56eba3a4c5feead41eec");

  @Test
  void migrations_are_named_v_number_then_a_snake_case_description() throws Exception {
    assertThat(migrations())
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).matches("V[1-9][0-9]*__[a-z0-9]+(_[a-z0-9]+)*\\.sql"));
  }

  @Test
  void migrations_are_numbered_from_one_without_gaps() throws Exception {
    List<Integer> versions =
        migrations().stream()
            .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
            .sorted()
            .toList();

    assertThat(versions).isEqualTo(IntStream.rangeClosed(1, versions.size()).boxed().toList());
  }

  @Test
  void landed_migrations_are_unchanged() throws Exception {
    for (Map.Entry<String, String> landed : LANDED.entrySet()) {
      assertThat(sha256("db/migration/" + landed.getKey()))
          .as("%s was edited after it landed: put the change in a new migration", landed.getKey())
          .isEqualTo(landed.getValue());
    }
  }

  private static List<String> migrations() throws IOException, URISyntaxException {
    Path folder =
        Path.of(MigrationsTest.class.getClassLoader().getResource("db/migration").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static String sha256(String resource) throws IOException, NoSuchAlgorithmException {
    try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
  }
}
