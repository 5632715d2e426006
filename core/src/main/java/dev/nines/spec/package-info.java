/**
 * The spec: the YAML files that declare sources, datasets and their checks. {@link
 * dev.nines.spec.SpecLoader} reads them into a {@link dev.nines.spec.Spec} or reports every problem
 * with its {@code file:line:col}; {@link dev.nines.spec.SpecSchema} describes the format as JSON
 * Schema for editors.
 */
package dev.nines.spec;
