package dev.nines.report;

import java.util.Locale;

/** The forms a report is written in. */
public enum ReportFormat {
  MD("text/markdown; charset=utf-8"),
  HTML("text/html; charset=utf-8"),
  JSON("application/json");

  private final String contentType;

  ReportFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The HTTP content type of the form. */
  public String contentType() {
    return contentType;
  }

  /**
   * {@code md}, {@code markdown}, {@code html} or {@code json}, in any case.
   *
   * @throws IllegalArgumentException naming the choices
   */
  public static ReportFormat parse(String text) {
    String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (word) {
      case "md", "markdown" -> MD;
      case "html" -> HTML;
      case "json" -> JSON;
      default ->
          throw new IllegalArgumentException(
              "unknown report format '" + text + "' (use md, html or json)");
    };
  }
}
