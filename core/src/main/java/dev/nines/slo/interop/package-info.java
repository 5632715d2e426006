/**
 * Interoperability with the open standards for SLOs and data contracts.
 *
 * <ul>
 *   <li>{@link dev.nines.slo.interop.OpenSloImport} reads OpenSLO v1 documents (SLO, SLI,
 *       AlertPolicy, AlertCondition, Service; multi-document YAML) into {@code slos:} entries;
 *       {@link dev.nines.slo.interop.OpenSloExport} writes Nines SLOs back as OpenSLO SLO documents
 *       whose metric source is {@code type: Nines}.
 *   <li>{@link dev.nines.slo.interop.OdcsImport} reads an Open Data Contract Standard v3 contract:
 *       quality rules become checks of the matching datasets, SLA properties become SLOs and {@link
 *       dev.nines.slo.interop.AgreementTerm}s for the consumer agreement.
 * </ul>
 *
 * Nothing is dropped silently: every field that is not carried over is an {@link
 * dev.nines.slo.interop.ImportIssue} with its path, either an error (the item was left out) or
 * unsupported (the item was imported without the field). The output is spec YAML, so the spec
 * loader checks it like any hand-written file (names, references, did-you-mean).
 */
package dev.nines.slo.interop;
