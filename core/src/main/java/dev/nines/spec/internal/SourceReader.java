package dev.nines.spec.internal;

import dev.nines.spec.SourceSpec;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Reads one entry of {@code sources:}. */
final class SourceReader {
  private final Fields fields;

  SourceReader(Fields fields) {
    this.fields = fields;
  }

  /** The source, or null when it is not even a map. */
  SourceSpec read(Located entry) {
    String name = entry.key();
    fields.validName(name, entry, "source");
    if (!fields.map(entry, "a map with url, user, password, ...")) {
      return null;
    }
    String what = "source " + name;
    fields.rejectUnknownKeys(entry, SpecKeys.SOURCE, what);
    String url = fields.requiredText(entry, "url", what);
    if (url != null && !url.startsWith("jdbc:")) {
      // the url is not echoed: it may carry credentials
      fields
          .problems()
          .add(
              entry.child("url").location(),
              entry.child("url").field(),
              "url must be a JDBC url",
              "for example jdbc:postgresql://host:5432/db or jdbc:duckdb:/path/file.duckdb");
    }
    Located password = entry.child("password");
    if (!password.isAbsent() && !password.node().isValueNode()) {
      fields.wrongKind(password, "text");
    }
    Integer maxConnections = fields.positiveInt(entry.child("max_connections"));
    return new SourceSpec(
        name,
        url,
        fields.text(entry.child("user")),
        password.node().isValueNode() && !password.isAbsent() ? password.node().asText() : null,
        fields.textMap(entry.child("properties"), "a map of JDBC driver properties"),
        fields.duration(entry.child("connect_timeout")),
        fields.duration(entry.child("query_timeout")),
        maxConnections == null ? 0 : maxConnections,
        zone(entry.child("timezone")),
        entry.keyLocation());
  }

  private ZoneId zone(Located value) {
    String text = fields.text(value);
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      fields
          .problems()
          .add(
              value.location(),
              value.field(),
              "unknown time zone '" + text + "'",
              "use a region such as Europe/Paris or America/Denver, or UTC");
      return null;
    }
  }
}
