package dev.nines.slo.interop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a data contract becomes in Nines: checks to add to datasets, SLOs, and the agreement terms
 * for the consumer the contract is made with.
 *
 * @param checks by dataset name, each check as written under the dataset's {@code checks:}
 * @param slos entries as written under {@code slos:}
 * @param terms service-level terms for the consumer agreement
 * @param issues errors (the item was left out) and unsupported fields (left out of the item)
 */
public record ContractImport(
    Map<String, ArrayNode> checks,
    ObjectNode slos,
    List<AgreementTerm> terms,
    List<ImportIssue> issues) {
  public ContractImport {
    checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    slos = slos.deepCopy();
    terms = List.copyOf(terms);
    issues = List.copyOf(issues);
  }

  public boolean hasErrors() {
    return issues.stream().anyMatch(issue -> issue.level() == ImportIssue.Level.ERROR);
  }

  /**
   * The checks and SLOs as YAML: a {@code datasets:} part listing only the checks to append to each
   * existing dataset, and a {@code slos:} part to paste as it is.
   */
  public String toYaml() {
    ObjectNode root = Documents.object();
    if (!checks.isEmpty()) {
      ObjectNode datasets = root.putObject("datasets");
      checks.forEach((dataset, list) -> datasets.putObject(dataset).set("checks", list));
    }
    if (!slos.isEmpty()) {
      root.set("slos", slos);
    }
    return Documents.write(root);
  }
}
