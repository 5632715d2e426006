package dev.nines.cli.report;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.run.RunResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI servers: a testsuite per dataset, a testcase per check. FAIL is a failure, ERROR
 * an error; a WARN passes with a note in system-out.
 */
public final class JunitReport implements ReportWriter {
  @Override
  public void write(CheckReport report, PrintWriter out) {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      newline(xml, 0);
      RunResult result = report.result();
      Summary summary = Summary.of(result);
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "nines");
      xml.writeAttribute("tests", Long.toString(summary.checks()));
      xml.writeAttribute("failures", Long.toString(summary.failed()));
      xml.writeAttribute("errors", Long.toString(summary.errors()));
      xml.writeAttribute("time", seconds(total(result.observations())));
      for (Map.Entry<String, List<Observation>> group : report.byDataset().entrySet()) {
        suite(xml, group.getKey(), group.getValue(), result);
      }
      newline(xml, 0);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      out.println();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  private static void suite(
      XMLStreamWriter xml, String dataset, List<Observation> observations, RunResult result)
      throws XMLStreamException {
    newline(xml, 1);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", clean(dataset));
    xml.writeAttribute("tests", Integer.toString(observations.size()));
    xml.writeAttribute("failures", Long.toString(count(observations, Status.FAIL)));
    xml.writeAttribute("errors", Long.toString(count(observations, Status.ERROR)));
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", seconds(total(observations)));
    if (result.startedAt() != null) {
      xml.writeAttribute("timestamp", result.startedAt().toString());
    }
    for (Observation observation : observations) {
      testcase(xml, observation);
    }
    newline(xml, 1);
    xml.writeEndElement();
  }

  private static void testcase(XMLStreamWriter xml, Observation observation)
      throws XMLStreamException {
    newline(xml, 2);
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", clean(observation.check()));
    xml.writeAttribute("classname", clean(observation.dataset()));
    xml.writeAttribute("time", seconds(observation.elapsed()));
    String unit = observation.expectation() == null ? null : observation.expectation().unit();
    String measured =
        "measured "
            + ValueText.value(observation.value(), unit)
            + ", expected "
            + ValueText.expected(observation.expectation());
    switch (observation.status()) {
      case FAIL -> problem(xml, "failure", observation.checkType(), observation, measured);
      case ERROR ->
          problem(
              xml,
              "error",
              observation.errorCategory() == null ? "ERROR" : observation.errorCategory().name(),
              observation,
              measured);
      case WARN -> {
        newline(xml, 3);
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean("WARN: " + message(observation) + "\n" + measured));
        xml.writeEndElement();
      }
      case PASS -> {}
    }
    if (observation.status() != Status.PASS) {
      newline(xml, 2);
    }
    xml.writeEndElement();
  }

  private static void problem(
      XMLStreamWriter xml, String element, String type, Observation observation, String measured)
      throws XMLStreamException {
    newline(xml, 3);
    xml.writeStartElement(element);
    xml.writeAttribute("message", clean(message(observation)));
    xml.writeAttribute("type", clean(type == null ? "" : type));
    StringBuilder body = new StringBuilder(measured);
    observation.details().forEach(detail -> body.append('\n').append(detail));
    observation.queries().forEach(query -> body.append("\n-- query:\n").append(query));
    xml.writeCharacters(clean(body.toString()));
    xml.writeEndElement();
  }

  private static String message(Observation observation) {
    return observation.message() == null ? "" : observation.message();
  }

  private static long count(List<Observation> observations, Status status) {
    return observations.stream().filter(o -> o.status() == status).count();
  }

  private static Duration total(List<Observation> observations) {
    return observations.stream()
        .map(Observation::elapsed)
        .filter(Objects::nonNull)
        .reduce(Duration.ZERO, Duration::plus);
  }

  private static String seconds(Duration duration) {
    double seconds = duration == null ? 0 : duration.toMillis() / 1000.0;
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  /** Drops the characters XML 1.0 cannot carry at all; the writer escapes the rest. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000 && c <= 0x10FFFF)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }
}
