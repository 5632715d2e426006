package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.pipeline.CronSchedule;
import dev.nines.pipeline.JobPattern;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  private static final Map<String, String> ENVIRONMENT =
      Map.of("WAREHOUSE_USER", "analyst", "WAREHOUSE_PASSWORD", "pa55-word!");

  @TempDir Path folder;

  private Path fullSample() throws URISyntaxException {
    return Path.of(getClass().getResource("/spec/full.yml").toURI());
  }

  @Test
  void full_spec_with_every_section_loads_into_the_model() throws Exception {
    Path file = fullSample();
    Spec spec = SpecLoader.load(List.of(file), ENVIRONMENT, TestCheckTypes.registry());

    assertThat(spec.files()).containsExactly(file.toString());
    assertThat(spec.sources()).containsOnlyKeys("warehouse", "lake");
    SourceSpec warehouse = spec.sources().get("warehouse");
    assertThat(warehouse.url()).isEqualTo("jdbc:postgresql://db:5432/analytics");
    assertThat(warehouse.user()).isEqualTo("analyst");
    assertThat(warehouse.password()).isEqualTo("pa55-word!");
    assertThat(warehouse.properties())
        .containsExactlyInAnyOrderEntriesOf(Map.of("ssl", "true", "ApplicationName", "nines"));
    assertThat(warehouse.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(warehouse.queryTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(warehouse.maxConnections()).isEqualTo(4);
    assertThat(warehouse.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(warehouse.location()).isEqualTo(new SpecLocation(file.toString(), 3, 3));
    SourceSpec lake = spec.sources().get("lake");
    assertThat(lake.url()).isEqualTo("jdbc:duckdb:" + file.getParent() + "/lake.duckdb");
    assertThat(lake.queryTimeout()).isEqualTo(SourceSpec.DEFAULT_QUERY_TIMEOUT);

    assertThat(spec.datasets().keySet()).containsExactly("orders", "customers", "events");
    DatasetSpec orders = spec.datasets().get("orders");
    assertThat(orders.source()).isEqualTo("warehouse");
    assertThat(orders.table()).isEqualTo("public.orders");
    assertThat(orders.owner()).isEqualTo("data-eng");
    assertThat(orders.tags()).containsExactly("finance", "core");
    assertThat(orders.every()).isEqualTo(Duration.ofMinutes(15));
    assertThat(orders.where()).isEqualTo("created_at > current_date - 30");
    assertThat(orders.checks())
        .extracting(CheckSpec::name)
        .containsExactly(
            "freshness", "row_count", "missing_customer_id", "negative_totals", "schema");

    CheckSpec freshness = orders.checks().get(0);
    assertThat(freshness.type()).isEqualTo("freshness");
    assertThat(freshness.field()).isEqualTo("datasets.orders.checks[0]");
    assertThat(freshness.location()).isEqualTo(new SpecLocation(file.toString(), 25, 9));
    assertThat(freshness.options().get("fail").asText()).isEqualTo("24h");
    assertThat(freshness.locationOf("warn")).isEqualTo(new SpecLocation(file.toString(), 25, 41));

    CheckSpec missing = orders.checks().get(2);
    assertThat(missing.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(missing.options().has("timeout")).as("common keys leave the options").isFalse();
    CheckSpec sql = orders.checks().get(3);
    assertThat(sql.description()).isEqualTo("Totals are never negative.");
    assertThat(sql.options().fieldNames()).toIterable().containsExactly("query", "max");
    assertThat(orders.checks().get(4).options().isEmpty()).isTrue();

    DatasetSpec customers = spec.datasets().get("customers");
    assertThat(customers.query()).isEqualTo("select * from crm.customers where active");
    assertThat(customers.cron()).isEqualTo("0 2 * * *");
    assertThat(spec.datasets().get("events").file()).isEqualTo("events/*.parquet");

    assertThat(spec.store().url()).isEqualTo("jdbc:postgresql://db:5432/nines");
    assertThat(spec.store().password()).isEmpty();
    assertThat(spec.later().keySet())
        .containsExactlyInAnyOrder("pipelines", "services", "slos", "consumers", "notify");
    SloSpec ordersFresh = spec.slos().get("orders_fresh");
    assertThat(ordersFresh.sli())
        .isEqualTo(new SliSpec.Freshness("orders", Duration.ofHours(24), Duration.ofHours(1)));
    assertThat(ordersFresh.target())
        .isEqualTo(
            new dev.nines.slo.SloTarget(
                dev.nines.slo.Objective.parse("99.5%"),
                new dev.nines.slo.RollingWindow(Duration.ofDays(28)),
                dev.nines.slo.BudgetingMethod.TIMESLICES,
                Duration.ofMinutes(1),
                dev.nines.slo.NoDataPolicy.BAD));
    assertThat(ordersFresh.description()).isEqualTo("finance reads orders no older than 24h");
    SloSpec ordersLoaded = spec.slos().get("orders_loaded");
    assertThat(ordersLoaded.window())
        .isEqualTo(
            new dev.nines.slo.CalendarWindow(
                dev.nines.slo.CalendarPeriod.MONTH, ZoneId.of("Europe/Paris")));
    assertThat(ordersLoaded.budgeting()).isEqualTo(dev.nines.slo.BudgetingMethod.OCCURRENCES);
    assertThat(ordersLoaded.noData()).isEqualTo(dev.nines.slo.NoDataPolicy.IGNORE);
    PipelineSpec loadOrders = spec.pipelines().get("load_orders");
    assertThat(loadOrders.jobs())
        .containsExactly(new JobPattern("airflow", "orders_dag.load_orders"));
    assertThat(loadOrders.schedule())
        .isEqualTo(CronSchedule.parse("0 2 * * *", ZoneId.of("Europe/Paris")));
    assertThat(loadOrders.grace()).isEqualTo(Duration.ofMinutes(30));
    assertThat(loadOrders.maxDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(loadOrders.finishWithin()).contains(Duration.ofMinutes(90));
    assertThat(loadOrders.outputs()).containsExactly("orders");
    assertThat(loadOrders.minRows()).isEqualTo(1000);
    assertThat(loadOrders.fewRows()).isEqualTo(new PipelineSpec.FewRows(0.4, 14, 3));
    assertThat(loadOrders.owner()).isEqualTo("data-eng");
    assertThat(loadOrders.remediation().at("/airflow/dag").asText()).isEqualTo("orders_dag");
    assertThat(loadOrders.location()).isEqualTo(new SpecLocation(file.toString(), 50, 3));
    PipelineSpec refresh = spec.pipelines().get("refresh_customers");
    assertThat(refresh.jobs())
        .containsExactly(new JobPattern("*", "crm.refresh_*"), new JobPattern("dbt", "customers"));
    assertThat(refresh.schedule()).isNull();
    assertThat(refresh.grace()).isEqualTo(PipelineSpec.DEFAULT_GRACE);
    assertThat(refresh.finishWithin()).isEmpty();
    assertThat(refresh.minRows()).isEqualTo(1);
    assertThat(refresh.fewRows()).isNull();
    assertThat(spec.later().get("notify").at("/channels/oncall/pagerduty/routing_key").asText())
        .isEqualTo("none");
  }

  @Test
  void two_files_merge_their_entries_by_name() {
    SpecFiles files = new SpecFiles(folder);
    Path first =
        files.write(
            "sources.yml",
            """
            sources:
              warehouse: { url: "jdbc:h2:mem:a" }
            datasets:
              orders: { source: warehouse, table: orders }
            """);
    Path second =
        files.write(
            "more.yml",
            """
            datasets:
              customers: { source: warehouse, table: customers }
            store: { url: "jdbc:h2:mem:store" }
            """);

    Spec spec = files.load(first, second);

    assertThat(spec.sources()).containsOnlyKeys("warehouse");
    assertThat(spec.datasets().keySet()).containsExactly("orders", "customers");
    assertThat(spec.datasets().get("customers").location().file()).isEqualTo(second.toString());
    assertThat(spec.store().url()).isEqualTo("jdbc:h2:mem:store");
    assertThat(spec.files()).containsExactly(first.toString(), second.toString());
  }

  @Test
  void a_folder_loads_its_yaml_files_in_name_order_and_not_its_subfolders() {
    SpecFiles files = new SpecFiles(folder);
    files.write("specs/b.yaml", "datasets:\n  second: { source: main, table: b }\n");
    files.write("specs/a.yml", "sources:\n  main: { url: 'jdbc:h2:mem:x' }\n");
    files.write("specs/notes.txt", "not: [a spec");
    files.write("specs/nested/c.yml", "datasets:\n  third: { source: main, table: c }\n");

    Spec spec = files.load(folder.resolve("specs"));

    assertThat(spec.files())
        .containsExactly(
            folder.resolve("specs/a.yml").toString(), folder.resolve("specs/b.yaml").toString());
    assertThat(spec.datasets()).containsOnlyKeys("second");
  }

  @Test
  void the_same_dataset_in_two_files_is_a_problem_naming_both_places() {
    SpecFiles files = new SpecFiles(folder);
    Path first =
        files.write(
            "a.yml",
            """
            sources:
              main: { url: "jdbc:h2:mem:a" }
            datasets:
              orders: { source: main, table: orders }
            """);
    Path second =
        files.write(
            "b.yml",
            """
            sources:
              main: { url: "jdbc:h2:mem:b" }
            datasets:

              orders: { source: main, table: orders_v2 }
            store: { url: "jdbc:h2:mem:s" }
            """);
    Path third = files.write("c.yml", "store: { url: 'jdbc:h2:mem:t' }\n");

    assertThat(files.lines(files.problemsOf(first, second, third)))
        .containsExactly(
            "b.yml:2:3: sources.main: source 'main' is declared twice: here and at a.yml:2:3"
                + " (rename or remove one of them)",
            "b.yml:5:3: datasets.orders: dataset 'orders' is declared twice: here and at"
                + " a.yml:4:3 (rename or remove one of them)",
            "c.yml:1:1: store: store is set twice: here and at b.yml:6:1 (set store in one file"
                + " only)");
  }

  @Test
  void the_short_form_reads_the_process_environment_and_built_in_check_types() {
    SpecFiles files = new SpecFiles(folder);
    Path file =
        files.write(
            "nines.yml",
            "sources:\n  main: { url: 'jdbc:h2:mem:x', user: '${NINES_TEST_SURELY_UNSET:-me}' }\n");

    Spec spec = SpecLoader.load(List.of(file));

    assertThat(spec.sources().get("main").user()).isEqualTo("me");
  }

  @Test
  void an_empty_file_is_an_empty_spec() {
    SpecFiles files = new SpecFiles(folder);

    Spec spec = files.load(files.write("nines.yml", "# nothing yet\n"));

    assertThat(spec.sources()).isEmpty();
    assertThat(spec.datasets()).isEmpty();
    assertThat(spec.store()).isEqualTo(StoreSpec.DEFAULT);
  }

  @Test
  void a_missing_file_and_an_empty_folder_are_problems() {
    SpecFiles files = new SpecFiles(folder);
    files.write("empty/readme.txt", "hello");

    assertThat(files.lines(files.problemsOf(folder.resolve("nope.yml"), folder.resolve("empty"))))
        .containsExactlyInAnyOrder(
            "nope.yml: cannot read the file: it does not exist",
            "empty: the folder holds no .yml or .yaml file (point at a spec file or at a folder"
                + " of them)");
  }
}
