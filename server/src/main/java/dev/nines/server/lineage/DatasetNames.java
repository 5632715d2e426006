package dev.nines.server.lineage;

import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Spec;
import java.util.Locale;

/**
 * Names an OpenLineage dataset the way the spec does: the spec dataset whose table (or file) it is,
 * else the OpenLineage name itself.
 */
public final class DatasetNames {
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

  /** Equal, or the OpenLineage name is the table qualified further (database, schema). */
  private static boolean matches(String wanted, String table) {
    if (table == null) {
      return false;
    }
    String lower = table.toLowerCase(Locale.ROOT);
    return wanted.equals(lower) || wanted.endsWith("." + lower) || wanted.endsWith("/" + lower);
  }
}
