package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSenderTest {
  private static final Instant NOW = Instant.parse("2026-11-26T05:10:00Z");
  private final HttpSender sender =
      new HttpSender(Duration.ofSeconds(1), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void retry_after_in_seconds() {
    assertThat(sender.retryAfter("120")).isEqualTo(Duration.ofMinutes(2));
    assertThat(sender.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
    assertThat(sender.retryAfter("-5")).isEqualTo(Duration.ZERO);
  }

  @Test
  void retry_after_as_an_http_date_counts_from_the_clock() {
    assertThat(sender.retryAfter("Thu, 26 Nov 2026 05:15:00 GMT")).isEqualTo(Duration.ofMinutes(5));
    assertThat(sender.retryAfter("Thu, 26 Nov 2026 05:00:00 GMT")).isEqualTo(Duration.ZERO);
  }

  @Test
  void an_unreadable_retry_after_is_ignored() {
    assertThat(sender.retryAfter("soon")).isNull();
  }

  @Test
  void an_email_given_to_the_http_sender_is_rejected() {
    OutboundMessage mail =
        new OutboundMessage("mail", Transport.SMTP, "a@example.com", Map.of(), "s", "b", "t");

    assertThat(sender.send(mail).outcome()).isEqualTo(DeliveryOutcome.REJECTED);
  }

  @Test
  void a_non_http_url_is_rejected_before_any_connection() {
    OutboundMessage message =
        new OutboundMessage(
            "hook", Transport.HTTP_POST, "file:///etc/passwd", Map.of(), null, "{}", null);

    DeliveryResult result = sender.send(message);

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
    assertThat(result.detail()).doesNotContain("passwd");
  }
}
