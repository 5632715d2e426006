package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecYamlTest {
  @TempDir Path folder;

  @Test
  void malformed_yaml_is_one_short_problem_at_the_parser_position() {
    List<SpecProblem> problems =
        new SpecFiles(folder)
            .problems(
                """
                sources:
                  warehouse:
                    url: "jdbc:h2:mem:x
                datasets: {}
                """);

    assertThat(problems).hasSize(1);
    SpecProblem problem = problems.get(0);
    assertThat(problem.location().line()).isEqualTo(3);
    assertThat(problem.location().column()).isEqualTo(10);
    assertThat(problem.message())
        .isEqualTo("invalid YAML: this quote is not closed before the end of the file");
    assertThat(problem.toString())
        .doesNotContain("com.fasterxml")
        .doesNotContain("org.yaml")
        .doesNotContain("Exception")
        .doesNotContain("[Source");
  }

  @Test
  void a_bad_indentation_names_its_line_and_column() {
    List<String> problems =
        new SpecFiles(folder)
            .problemLines(
                """
                sources:
                  warehouse:
                    url: jdbc:h2:mem:x
                   user: me
                """);

    assertThat(problems)
        .containsExactly(
            "nines.yml:4:4: invalid YAML: this line is not indented like the lines around it"
                + " (check indentation and quoting)");
  }

  @Test
  void an_unquoted_url_ending_with_a_colon_is_explained_with_the_fix() {
    List<String> problems =
        new SpecFiles(folder)
            .problemLines(
                """
                sources:
                  local:
                    url: jdbc:duckdb:
                """);

    assertThat(problems)
        .containsExactly(
            "nines.yml:3:21: invalid YAML: a ':' where no key can start; quote text that contains"
                + " ': ' or ends with ':' (such as \"jdbc:duckdb:\") (check indentation and"
                + " quoting)");
  }

  @Test
  void a_broken_file_does_not_hide_the_problems_of_the_others() {
    SpecFiles files = new SpecFiles(folder);
    Path broken = files.write("a.yml", "sources: [\n");
    Path other = files.write("b.yml", "datasets:\n  orders: { source: main }\n");

    assertThat(files.lines(files.problemsOf(broken, other)))
        .hasSize(3)
        .anyMatch(line -> line.startsWith("a.yml:2:1: invalid YAML: "))
        .contains(
            "b.yml:2:3: datasets.orders: dataset orders needs one of table, query or file (add"
                + " table: schema.name for a table or view)",
            "b.yml:2:21: datasets.orders.source: source 'main' is not defined (declare it under"
                + " sources:)");
  }

  @Test
  void a_file_that_is_not_utf8_is_named_and_a_byte_order_mark_is_accepted() throws Exception {
    SpecFiles files = new SpecFiles(folder);
    Path latin1 = folder.resolve("latin1.yml");
    Files.write(latin1, "sources:\n  caf\u00e9: {}\n".getBytes("ISO-8859-1"));
    Path withBom = files.write("bom.yml", "\ufeffdatasets: {}\n");

    assertThat(files.lines(files.problemsOf(latin1, withBom)))
        .containsExactly("latin1.yml: the file is not UTF-8 text (save it as UTF-8)");
    assertThat(files.load(withBom).datasets()).isEmpty();
  }

  @Test
  void duplicate_keys_are_problems_naming_both_places() {
    assertThat(
            new SpecFiles(folder)
                .problemLines(
                    """
                    sources:
                      warehouse: { url: "jdbc:h2:mem:x", url: "jdbc:h2:mem:y" }
                    datasets:
                      orders: { source: warehouse, table: a }
                      orders: { source: warehouse, table: b }
                    """))
        .containsExactly(
            "nines.yml:2:38: sources.warehouse.url: duplicate key 'url' (first written at"
                + " nines.yml:2:16) (keep one of them)",
            "nines.yml:5:3: datasets.orders: duplicate key 'orders' (first written at"
                + " nines.yml:4:3) (keep one of them)");
  }

  @Test
  void aliases_several_documents_and_a_root_that_is_not_a_map_are_problems() {
    SpecFiles files = new SpecFiles(folder);
    Path aliases =
        files.write(
            "aliases.yml",
            """
            sources:
              a: &main { url: "jdbc:h2:mem:x" }
              b: *main
            """);
    Path documents = files.write("documents.yml", "sources: {}\n---\ndatasets: {}\n");
    Path list = files.write("list.yml", "- sources\n");

    assertThat(files.lines(files.problemsOf(aliases, documents, list)))
        .containsExactly(
            "aliases.yml:3:6: sources.b: YAML aliases (*main) are not supported (repeat the value"
                + " instead)",
            "aliases.yml:3:6: sources.b: expected a map with url, user, password, ..., got"
                + " nothing",
            "documents.yml:3:1: a spec file holds one YAML document, this one has more (move"
                + " each document after --- into its own file)",
            "list.yml:1:1: a spec file must be a map of sections, got a list (start with"
                + " sources: or datasets:)");
  }
}
