package dev.nines.slo.interop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Nines {@code slos:} entries read from another standard, and every field that did not make it.
 *
 * @param slos the entries by name, as they are written under {@code slos:}
 * @param issues errors (the item was left out) and unsupported fields (left out of the item)
 */
public record ImportResult(ObjectNode slos, List<ImportIssue> issues) {
  public ImportResult {
    slos = slos.deepCopy();
    issues = List.copyOf(issues);
  }

  public boolean hasErrors() {
    return issues.stream().anyMatch(issue -> issue.level() == ImportIssue.Level.ERROR);
  }

  /** The section as YAML, ready to paste into a spec: {@code slos:} and its entries. */
  public String toYaml() {
    ObjectNode section = Documents.object();
    section.set("slos", slos);
    return Documents.write(section);
  }
}
