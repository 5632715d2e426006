package dev.nines.server.lineage;

import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names an OpenLineage dataset the way the spec does: the spec dataset whose table (or file) it is,
 * else the OpenLineage name itself.
 */
public final class DatasetNames {
  /** The check type whose previous {@code row_count} a reported row count stands for. */
  static final String VOLUME_CHECK_TYPE = "volume_change";

  private final Spec spec;

  public DatasetNames(Spec spec) {
    this.spec = spec;
  }

  /** {@code orders} for OpenLineage {@code analytics.public.orders} if the spec has that table. */
  public String nameOf(String namespace, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (DatasetSpec dataset : spec.datasets().values()) {
      if (matches(wanted, dataset.table()) || matches(wanted, dataset.file())) {
        return dataset.name();
      }
    }
    return name;
  }

  /**
   * The names of the volume_change checks that count every row of {@code dataset} (no {@code where}
   * on the check or the dataset), so a row count reported for the whole dataset is what they would
   * have measured. A dataset not in the spec gets the default name, for a check added later.
   */
  List<String> wholeTableVolumeChecks(String dataset) {
    DatasetSpec spec = this.spec.datasets().get(dataset);
    if (spec == null) {
      return List.of(VOLUME_CHECK_TYPE);
    }
    List<String> names = new ArrayList<>();
    if (spec.where() != null) {
      return names;
    }
    for (CheckSpec check : spec.checks()) {
      if (VOLUME_CHECK_TYPE.equals(check.type()) && check.where() == null) {
        names.add(check.name() == null ? VOLUME_CHECK_TYPE : check.name());
      }
    }
    return names;
  }

  /** Equal, or the OpenLineage name is the table qualified further (database, schema). */
  private static boolean matches(String wanted, String table) {
    if (table == null) {
      return false;
    }
    String lower = table.toLowerCase(Locale.ROOT);
    return wanted.equals(lower) || wanted.endsWith("." + lower) || wanted.endsWith("/" + lower);
  }
}
