package dev.nines.store;

import static dev.nines.store.StoreFixtures.T0;
import static dev.nines.store.StoreFixtures.passed;
import static dev.nines.store.StoreFixtures.runOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.NinesException;
import dev.nines.spec.StoreSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded H2 store does: make its own folder, by default under ./.nines. */
class H2StoreIT {
  @TempDir Path folder;

  @Test
  void opening_an_h2_file_store_creates_its_missing_folders() {
    Path storeFolder = folder.resolve("project").resolve(".nines");
    String url =
        "jdbc:h2:file:" + storeFolder.resolve("store").toAbsolutePath() + ";AUTO_SERVER=TRUE";

    try (NinesStore store = NinesStore.open(new StoreSpec(url, null, null))) {
      store.save(runOf(T0, passed("orders", "row_count", 5, T0)), List.of());
    }

    assertThat(storeFolder.resolve("store.mv.db")).isRegularFile();
  }

  /** Failsafe runs this module's ITs in target/it-work, so ./.nines lands there. */
  @Test
  void the_default_store_is_an_h2_file_under_dot_nines_in_the_working_folder() throws IOException {
    Path defaultFolder = Path.of(".nines").toAbsolutePath();
    boolean existedBefore = Files.exists(defaultFolder);
    try {
      try (NinesStore store = NinesStore.open(StoreSpec.DEFAULT)) {
        assertThat(store.location()).isEqualTo("jdbc:h2:file:./.nines/store;AUTO_SERVER=TRUE");
        store.save(runOf(T0, passed("orders", "row_count", 5, T0)), List.of("nines.yml"));
        assertThat(store.runs(100)).isNotEmpty();
      }
      assertThat(defaultFolder.resolve("store.mv.db")).isRegularFile();
    } finally {
      if (!existedBefore) {
        deleteTree(defaultFolder);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void a_file_where_the_store_folder_should_be_is_reported_plainly() throws IOException {
    Path inTheWay = Files.writeString(folder.resolve("in-the-way"), "not a folder");
    String url = "jdbc:h2:file:" + inTheWay.resolve("store").toAbsolutePath();

    assertThatThrownBy(() -> NinesStore.open(new StoreSpec(url, null, null)))
        .isInstanceOf(NinesException.class)
        .hasMessage(
            "Cannot create the folder "
                + inTheWay.toAbsolutePath()
                + " for the Nines store: a file of that name is in the way");
  }
}
