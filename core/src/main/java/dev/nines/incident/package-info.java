/**
 * Incidents: failing observations grouped into problems with a severity, a status, an owner, the
 * consumers they affect and a timeline; the times to detect, acknowledge and resolve them.
 */
package dev.nines.incident;
