package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.channels.EmailChannel;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class SmtpSenderIT {
  private static final String PASSWORD = "smtp-pa55word-never-shown";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("nines", PASSWORD))
          .withPerMethodLifecycle(true);

  private final EmailChannel email = new EmailChannel();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void noPasswordWasLogged() {
    root().detachAppender(logs);
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(line -> line.contains(PASSWORD));
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void the_mail_arrives_with_a_text_and_an_html_part() throws Exception {
    ChannelConfig channel = channel(port(), Map.of());
    OutboundMessage message = email.render(channel, Alerts.of(AlertAction.TRIGGER));

    DeliveryResult result = sender(channel).send(message);

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
    assertThat(result.code()).isEqualTo(250);
    assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("[SEV1] warehouse: connection ERROR (incident #7)");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("nines@example.com");
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains("connection refused by warehouse:5432", "SYSTEM failure", Alerts.LINK);
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("connection refused by warehouse:5432", "SYSTEM failure", Alerts.LINK);
  }

  @Test
  void a_login_with_the_right_password_delivers() throws Exception {
    ChannelConfig channel = channel(port(), Map.of("user", "nines", "password", PASSWORD));

    DeliveryResult result =
        sender(channel).send(email.render(channel, Alerts.of(AlertAction.RESOLVE)));

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
    assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
    assertThat(MAIL.getReceivedMessages()[0].getSubject()).contains("resolved");
  }

  @Test
  void a_refused_login_is_rejected_without_the_password() {
    ChannelConfig channel =
        channel(port(), Map.of("user", "nines", "password", "wrong-" + PASSWORD));

    DeliveryResult result =
        sender(channel).send(email.render(channel, Alerts.of(AlertAction.TRIGGER)));

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
    assertThat(result.detail())
        .startsWith("SMTP login refused by 127.0.0.1:")
        .doesNotContain(PASSWORD);
  }

  @Test
  void a_refused_smtp_port_is_a_retry() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ChannelConfig channel = channel(closed, Map.of("user", "nines", "password", PASSWORD));

    DeliveryResult result =
        sender(channel).send(email.render(channel, Alerts.of(AlertAction.TRIGGER)));

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.RETRY);
    assertThat(result.detail())
        .isEqualTo("could not connect to SMTP server 127.0.0.1:" + closed)
        .doesNotContain(PASSWORD);
  }

  @Test
  void a_channel_no_longer_in_the_spec_is_rejected() {
    ChannelConfig channel = channel(port(), Map.of());
    OutboundMessage message = email.render(channel, Alerts.of(AlertAction.TRIGGER));

    DeliveryResult result =
        new SmtpSender(name -> Optional.empty(), Duration.ofSeconds(2)).send(message);

    assertThat(result.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
    assertThat(result.detail()).isEqualTo("channel mail is no longer configured");
  }

  @Test
  void senders_dispatch_email_to_smtp() throws Exception {
    ChannelConfig channel = channel(port(), Map.of());

    DeliveryResult result =
        Senders.standard(name -> Optional.of(channel), java.time.Clock.systemUTC())
            .send(email.render(channel, Alerts.of(AlertAction.ACKNOWLEDGE)));

    assertThat(result.isDelivered()).isTrue();
    assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
  }

  private static int port() {
    return MAIL.getSmtp().getPort();
  }

  private static SmtpSender sender(ChannelConfig channel) {
    return new SmtpSender(
        name -> name.equals(channel.name()) ? Optional.of(channel) : Optional.empty(),
        Duration.ofSeconds(5));
  }

  private static ChannelConfig channel(int port, Map<String, String> more) {
    Map<String, String> options = new HashMap<>(more);
    options.put("to", "oncall@example.com, data-eng@example.com");
    options.put("from", "nines@example.com");
    options.put("host", "127.0.0.1");
    options.put("port", Integer.toString(port));
    return new ChannelConfig("mail", "email", options);
  }
}
