package dev.nines.notify.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailChannelTest {
  private final EmailChannel email = new EmailChannel();
  private final ChannelConfig channel =
      SampleAlerts.channel(
          "email",
          Map.of(
              "to", "oncall@example.com ,  data-eng@example.com",
              "from", "nines@example.com",
              "host", "smtp.example.com",
              "password", "mail-password"));

  @Test
  void trigger_is_an_email_with_the_incident_in_the_subject() {
    OutboundMessage message = email.render(channel, SampleAlerts.trigger());

    assertThat(message.transport()).isEqualTo(Transport.SMTP);
    assertThat(message.target()).isEqualTo("oncall@example.com, data-eng@example.com");
    assertThat(message.subject()).isEqualTo("[SEV1] orders: freshness FAIL (incident #12)");
    assertThat(message.headers()).isEmpty();
  }

  @Test
  void html_and_text_parts_say_the_same_things() {
    OutboundMessage message = email.render(channel, SampleAlerts.trigger());

    for (String part : List.of(message.body(), message.textBody())) {
      assertThat(part)
          .contains(SampleAlerts.FAILURE)
          .contains("DATA failure")
          .contains("2026-11-26 02:00 UTC (3h 10m ago)")
          .contains("consumers: finance")
          .contains("dataset orders_daily")
          .contains(SampleAlerts.RUNBOOK)
          .contains(SampleAlerts.REMEDIATION)
          .contains(SampleAlerts.LINK);
    }
    assertThat(message.body())
        .startsWith("<!DOCTYPE html>")
        .contains("<a href=\"" + SampleAlerts.LINK + "\">");
    assertThat(message.textBody()).doesNotContain("<");
  }

  @Test
  void html_part_escapes_what_failed() {
    Alert alert =
        new Alert(
            AlertAction.TRIGGER,
            SampleAlerts.trigger().incident(),
            SampleAlerts.LINK,
            List.of("<script>alert(1)</script>"),
            null,
            List.of(),
            SampleAlerts.NOW);

    OutboundMessage message = email.render(channel, alert);

    assertThat(message.body()).contains("&lt;script&gt;").doesNotContain("<script>");
    assertThat(message.textBody()).contains("<script>alert(1)</script>");
  }

  @Test
  void the_password_never_goes_into_the_message() {
    OutboundMessage message = email.render(channel, SampleAlerts.trigger());

    assertThat(message.body() + message.textBody() + message.target() + message.subject())
        .doesNotContain("mail-password");
  }

  @Test
  void a_digest_is_one_email_with_every_incident() {
    List<OutboundMessage> messages =
        email.renderGroup(channel, SampleAlerts.burst(3), SampleAlerts.NOW);

    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).subject()).isEqualTo("Nines: 3 incidents — 2 failing, 1 resolved");
    assertThat(messages.get(0).textBody())
        .contains("duplicates found: 1", "duplicates found: 2", "duplicates found: 3");
    assertThat(messages.get(0).body()).contains("https://nines.example.com/api/v1/incidents/3");
  }

  @Test
  void recipients_are_required() {
    ChannelConfig noRecipients =
        SampleAlerts.channel("email", Map.of("from", "a@example.com", "host", "localhost"));

    assertThatThrownBy(() -> email.render(noRecipients, SampleAlerts.trigger()))
        .hasMessageContaining("needs the option 'to'");
  }
}
