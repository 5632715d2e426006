package dev.nines.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreUrlTest {
  @Test
  void h2_and_postgresql_urls_are_recognized_whatever_their_case() {
    assertThat(StoreUrl.parse("jdbc:h2:file:./.nines/store;AUTO_SERVER=TRUE").engine())
        .isEqualTo(StoreUrl.Engine.H2);
    assertThat(StoreUrl.parse(" JDBC:PostgreSQL://db/nines ").engine())
        .isEqualTo(StoreUrl.Engine.POSTGRESQL);
  }

  @Test
  void the_folder_of_an_h2_file_is_found_for_explicit_paths_only() {
    assertThat(StoreUrl.parse("jdbc:h2:file:./.nines/store;AUTO_SERVER=TRUE").h2Folder())
        .contains(Path.of("./.nines"));
    assertThat(StoreUrl.parse("jdbc:h2:/var/lib/nines/store").h2Folder())
        .contains(Path.of("/var/lib/nines"));
    assertThat(StoreUrl.parse("jdbc:h2:~/nines/store").h2Folder())
        .contains(Path.of(System.getProperty("user.home"), "nines"));
    assertThat(StoreUrl.parse("jdbc:h2:mem:test").h2Folder()).isEmpty();
    assertThat(StoreUrl.parse("jdbc:h2:tcp://host/store").h2Folder()).isEmpty();
    assertThat(StoreUrl.parse("jdbc:h2:file:store").h2Folder()).isEmpty();
    assertThat(StoreUrl.parse("jdbc:postgresql://db/nines").h2Folder()).isEmpty();
  }

  @Test
  void passwords_written_in_the_url_are_masked() {
    assertThat(
            StoreUrl.parse("jdbc:postgresql://db/nines?user=a&password=s3cret&ssl=true").redacted())
        .isEqualTo("jdbc:postgresql://db/nines?user=a&password=***&ssl=true");
    assertThat(StoreUrl.parse("jdbc:h2:file:./x;USER=a;PASSWORD=s3cret").redacted())
        .isEqualTo("jdbc:h2:file:./x;USER=a;PASSWORD=***");
  }
}
