package dev.nines.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;

/**
 * One kind of check (freshness, row_count, ...). An extension point: one implementation per file,
 * registered in {@link CheckTypes}.
 */
public interface CheckType {
  /** The key used in the spec, e.g. {@code freshness}. */
  String name();

  /** One sentence for help texts and the JSON Schema. */
  String summary();

  /**
   * JSON Schema (draft 2020-12) of this type's options object, without the common keys (name,
   * description, where, timeout), which the spec schema adds.
   */
  ObjectNode optionsSchema();

  /**
   * The name a check of this type gets when the spec gives none, e.g. {@code missing_customer_id}.
   * Must be stable: history is kept under it. Called only on options that passed {@link #validate}.
   */
  String defaultName(CheckSpec spec);

  /**
   * Checks the options of one check and adds a problem (with {@link CheckSpec#locationOf} and a
   * hint) for each thing wrong: missing or unknown keys, wrong value types, impossible bounds.
   */
  void validate(CheckSpec spec, Problems problems);
}
