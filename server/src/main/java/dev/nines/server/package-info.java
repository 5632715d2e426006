/** {@code nines serve}: the HTTP API, OpenLineage ingestion and pipeline run reporting. */
package dev.nines.server;
