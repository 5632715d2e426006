package dev.nines.cli.report;

import static dev.nines.cli.report.Fixtures.error;
import static dev.nines.cli.report.Fixtures.fail;
import static dev.nines.cli.report.Fixtures.pass;
import static dev.nines.cli.report.Fixtures.report;
import static dev.nines.cli.report.Fixtures.warn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {
  private static Document xml(CheckReport report) throws Exception {
    StringWriter text = new StringWriter();
    new JunitReport().write(report, new PrintWriter(text));
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void one_testsuite_per_dataset_and_one_testcase_per_check() throws Exception {
    Document xml =
        xml(
            report(
                pass("orders", "row_count", 120),
                warn("orders", "missing_email", 0.2),
                fail("orders", "freshness", "late"),
                error("crm", "row_count", "refused")));

    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("4");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
    NodeList suites = xml.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    Element orders = (Element) suites.item(0);
    assertThat(orders.getAttribute("name")).isEqualTo("orders");
    assertThat(orders.getAttribute("tests")).isEqualTo("3");
    assertThat(orders.getAttribute("failures")).isEqualTo("1");
    assertThat(orders.getAttribute("errors")).isEqualTo("0");
    assertThat(((Element) suites.item(1)).getAttribute("errors")).isEqualTo("1");
  }

  @Test
  void fail_is_a_failure_error_an_error_and_warn_a_passing_note() throws Exception {
    Document xml =
        xml(
            report(
                warn("orders", "missing_email", 0.2),
                fail("orders", "freshness", "late"),
                error("crm", "row_count", "refused")));

    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("late");
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("freshness");
    Element error = (Element) xml.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("type")).isEqualTo("CONNECTION");
    assertThat(error.getTextContent()).contains("Connection to 127.0.0.1:1 refused");
    Element note = (Element) xml.getElementsByTagName("system-out").item(0);
    assertThat(note.getTextContent()).startsWith("WARN: 20% of email is missing");
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(1);
  }

  @Test
  void markup_and_control_characters_in_messages_stay_well_formed() throws Exception {
    Document xml =
        xml(report(fail("a<b>&\"c\"", "check]]>", "value <script>&amp; \u0001bell\u0007 \"q\"")));

    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("value <script>&amp; bell \"q\"");
    Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("name")).isEqualTo("check]]>");
    assertThat(testcase.getAttribute("classname")).isEqualTo("a<b>&\"c\"");
  }
}
