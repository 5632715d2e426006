package dev.nines.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.nines.slo.interop.AgreementTerm;
import dev.nines.slo.interop.ContractImport;
import dev.nines.slo.interop.InteropException;
import dev.nines.slo.interop.OdcsImport;
import dev.nines.spec.CheckSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nines contract}: data contracts. */
@Command(
    name = "contract",
    description = "Imports data contracts (Open Data Contract Standard v3).",
    subcommands = {ContractCommand.Import.class})
final class ContractCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("a subcommand is missing: import");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * {@code nines contract import}: an ODCS v3 contract, matched against the spec's datasets, to
   * Nines YAML: checks to append to the datasets, SLOs, and a consumer whose agreements are the
   * contract's service-level terms.
   */
  @Command(
      name = "import",
      description = {
        "Converts an ODCS v3 contract to Nines YAML: checks for the spec's datasets, SLOs, and a"
            + " consumer sketch with the contract's service-level terms.",
        "Every field that is not carried over is listed on stderr with its path, and so is"
            + " every check renamed because the dataset (or an earlier rule) already uses its"
            + " name: row_count becomes row_count_odcs, then row_count_odcs_2…"
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:everything was carried over",
        "1:the output was written, some fields were reported as unsupported or renamed",
        "2:the contract or the spec is invalid (nothing written), or bad usage"
      })
  static final class Import implements Callable<Integer> {
    private static final YAMLMapper YAML =
        YAMLMapper.builder(
                YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build())
            .build();

    private final CliEnvironment environment;

    @Mixin CommonOptions common;

    @Mixin SpecOptions specOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "The ODCS v3 contract (YAML).")
    Path file;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "OUT",
        description = "Write the YAML to this file (default: stdout).")
    Path output;

    @Option(
        names = "--consumer",
        paramLabel = "NAME",
        description = "Name of the consumer sketch (default: the contract file's name).")
    String consumer;

    Import(CliEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      InteropOutput io = new InteropOutput(environment);
      Map<String, List<String>> checksByDataset = new LinkedHashMap<>();
      specOptions
          .load(environment)
          .datasets()
          .forEach(
              (name, dataset) ->
                  checksByDataset.put(
                      name, dataset.checks().stream().map(CheckSpec::name).toList()));
      ContractImport contract;
      try {
        contract = OdcsImport.read(io.read(file), checksByDataset);
      } catch (InteropException e) {
        environment.err().println(file + ": error: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      if (io.report(file, contract.issues())) {
        environment.err().println("error: the contract is invalid; nothing was written");
        return ExitCodes.USAGE;
      }
      boolean anyIssue = !contract.issues().isEmpty();
      ObjectNode root = parse(contract.toYaml());
      ObjectNode agreementHolder = YAML.createObjectNode();
      ArrayNode agreements = agreementHolder.putArray("agreements");
      Set<String> covered = new LinkedHashSet<>(contract.checks().keySet());
      contract.terms().stream()
          .map(AgreementTerm::dataset)
          .filter(dataset -> dataset != null)
          .forEach(covered::add);
      for (AgreementTerm term : contract.terms()) {
        if (term.dataset() == null && covered.isEmpty()) {
          environment
              .err()
              .println(
                  file
                      + ": unsupported: "
                      + term.path()
                      + ": "
                      + term.property()
                      + " names no dataset: left out of the consumer sketch");
          anyIssue = true;
          continue;
        }
        agreements.add(agreement(term, covered, contract.slos()));
      }
      if (!agreements.isEmpty()) {
        ObjectNode sketch = root.putObject("consumers").putObject(consumerName());
        sketch.put("about", "data contract " + file.getFileName() + " (imported, review me)");
        sketch.set("agreements", agreements);
      }
      io.write(write(root), output);
      return InteropOutput.exitCode(anyIssue);
    }

    private ObjectNode agreement(AgreementTerm term, Set<String> covered, ObjectNode slos) {
      ObjectNode agreement = YAML.createObjectNode();
      String driver = term.driver() == null ? "" : " (" + term.driver() + ")";
      agreement.put("promise", term.property() + " " + term.value() + driver);
      ArrayNode datasets = agreement.putArray("datasets");
      if (term.dataset() != null) {
        datasets.add(term.dataset());
      } else {
        covered.forEach(datasets::add);
      }
      ArrayNode sloNames = YAML.createArrayNode();
      datasets.forEach(
          dataset -> {
            String slo = dataset.asText() + "_latency";
            if (slos.has(slo)
                && Set.of("latency", "frequency", "availability").contains(term.property())) {
              sloNames.add(slo);
            }
          });
      if (!sloNames.isEmpty()) {
        agreement.set("slos", sloNames);
      }
      return agreement;
    }

    private String consumerName() {
      if (consumer != null) {
        return consumer;
      }
      String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      String name = stem.replaceAll("[^A-Za-z0-9_-]", "_").toLowerCase(Locale.ROOT);
      return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "contract_" + name : name;
    }

    private static ObjectNode parse(String yaml) {
      try {
        return yaml.isBlank() ? YAML.createObjectNode() : (ObjectNode) YAML.readTree(yaml);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the import writes YAML it can read", e);
      }
    }

    private static String write(ObjectNode root) {
      try {
        return YAML.writeValueAsString(root);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a tree of plain values always serialises", e);
      }
    }
  }
}
