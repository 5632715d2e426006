package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.channels.EmailChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How SMTP replies become outcomes: 4xx is worth a retry, 5xx is not. */
class SmtpRepliesIT {
  @ParameterizedTest
  @CsvSource({
    "RCPT, 451 4.3.0 mailbox busy try later, RETRY, 451",
    "RCPT, 550 5.1.1 no such user, REJECTED, 550",
    "MAIL, 421 4.7.0 too many connections, RETRY, 421",
    "MAIL, 554 5.7.1 sender refused, REJECTED, 554"
  })
  void a_reply_code_decides_retry_or_reject(
      String command, String reply, DeliveryOutcome outcome, int code) throws Exception {
    try (ScriptedSmtp server = new ScriptedSmtp(command, reply)) {
      ChannelConfig channel =
          new ChannelConfig(
              "mail",
              "email",
              Map.of(
                  "to", "oncall@example.com",
                  "from", "nines@example.com",
                  "host", "127.0.0.1",
                  "port", Integer.toString(server.port())));
      OutboundMessage message = new EmailChannel().render(channel, Alerts.of(AlertAction.TRIGGER));

      DeliveryResult result =
          new SmtpSender(name -> Optional.of(channel), Duration.ofSeconds(5)).send(message);

      assertThat(result.outcome()).isEqualTo(outcome);
      assertThat(result.code()).isEqualTo(code);
      assertThat(result.detail())
          .startsWith("SMTP " + code + " from 127.0.0.1:" + server.port() + ": ")
          .contains(reply.substring(4));
    }
  }
}
