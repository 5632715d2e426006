package dev.nines.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Renders reports: Markdown, HTML, or JSON with ISO-8601 instants and durations and decimal ratios.
 */
public final class Reports {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private Reports() {}

  /** An {@link SlaReport} or a {@link DowntimeReport} as JSON text. */
  public static String json(Object report) {
    try {
      return MAPPER.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report could not be written as JSON", e);
    }
  }

  /** The report in the form asked for. */
  public static String render(SlaReport report, ReportFormat format) {
    return switch (format) {
      case MD -> MarkdownReports.sla(report);
      case HTML -> HtmlReports.sla(report);
      case JSON -> json(report);
    };
  }

  /** The report in the form asked for. */
  public static String render(DowntimeReport report, ReportFormat format) {
    return switch (format) {
      case MD -> MarkdownReports.downtime(report);
      case HTML -> HtmlReports.downtime(report);
      case JSON -> json(report);
    };
  }

  /** The report in the form asked for. */
  public static String render(DatasetReport report, ReportFormat format) {
    return switch (format) {
      case MD -> MarkdownReports.dataset(report);
      case HTML -> HtmlReports.dataset(report);
      case JSON -> json(report);
    };
  }
}
