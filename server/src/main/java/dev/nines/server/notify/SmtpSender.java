package dev.nines.server.notify;

import dev.nines.notify.ChannelConfig;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends email messages over SMTP as multipart/alternative (plain text, then HTML). The server and
 * login come from the email channel's options ({@code host}, {@code port} (25), {@code user},
 * {@code password}, {@code starttls}, {@code from}), looked up by the message's channel name, so
 * the outbox never keeps a password. A refused connection, a timeout or a 4xx reply is a retry; a
 * 5xx reply, a refused login or a bad address is rejected.
 */
public final class SmtpSender implements Sender {
  /** Connect, read and write timeout unless another is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Function<String, Optional<ChannelConfig>> channels;
  private final Duration timeout;

  /**
   * @param channels the spec's channels by name, where the email channel's server and login are
   * @param timeout connect, read and write timeout
   */
  public SmtpSender(Function<String, Optional<ChannelConfig>> channels, Duration timeout) {
    this.channels = Objects.requireNonNull(channels, "channels");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (message.transport() != Transport.SMTP) {
      return DeliveryResult.rejected(null, "not an email message");
    }
    Optional<ChannelConfig> found = channels.apply(message.channel());
    if (found.isEmpty()) {
      return DeliveryResult.rejected(
          null, "channel " + message.channel() + " is no longer configured");
    }
    ChannelConfig channel = found.get();
    Optional<String> host = channel.option("host").filter(value -> !value.isBlank());
    if (host.isEmpty()) {
      return DeliveryResult.rejected(null, "channel " + channel.name() + " has no SMTP host");
    }
    int port;
    try {
      port = Integer.parseInt(channel.option("port").orElse("25").strip());
    } catch (NumberFormatException notANumber) {
      return DeliveryResult.rejected(null, "channel " + channel.name() + " has an invalid port");
    }
    String server = host.get() + ":" + port;
    String password = channel.option("password").orElse("");
    Session session = Session.getInstance(properties(channel, host.get(), port));
    try {
      MimeMessage mail = mail(session, channel, message);
      try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
        transport.connect(
            host.get(),
            port,
            channel.option("user").orElse(null),
            password.isEmpty() ? null : password);
        transport.sendMessage(mail, mail.getAllRecipients());
        int code = transport.getLastReturnCode();
        return DeliveryResult.delivered(code, "SMTP " + code + " from " + server);
      }
    } catch (AddressException badAddress) {
      return DeliveryResult.rejected(
          null, "channel " + channel.name() + " has an invalid email address");
    } catch (AuthenticationFailedException refusedLogin) {
      return DeliveryResult.rejected(null, "SMTP login refused by " + server);
    } catch (MailConnectException refused) {
      return DeliveryResult.retry(null, null, "could not connect to SMTP server " + server);
    } catch (SMTPSendFailedException failed) {
      return byReply(failed.getReturnCode(), failed.getMessage(), server, message, password);
    } catch (SendFailedException failed) {
      SMTPAddressFailedException address = addressFailure(failed);
      if (address != null) {
        return byReply(address.getReturnCode(), address.getMessage(), server, message, password);
      }
      return DeliveryResult.retry(null, null, "SMTP server " + server + " did not take the mail");
    } catch (MessagingException failed) {
      if (failed.getCause() instanceof IOException
          || failed.getNextException() instanceof IOException) {
        return DeliveryResult.retry(null, null, "lost the connection to SMTP server " + server);
      }
      return DeliveryResult.retry(
          null,
          null,
          "SMTP error from "
              + server
              + ": "
              + Redaction.scrub(failed.getMessage(), message, List.of(password)));
    }
  }

  private Properties properties(ChannelConfig channel, String host, int port) {
    Properties properties = new Properties();
    String millis = Long.toString(timeout.toMillis());
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", Integer.toString(port));
    properties.put("mail.smtp.connectiontimeout", millis);
    properties.put("mail.smtp.timeout", millis);
    properties.put("mail.smtp.writetimeout", millis);
    if (channel.option("user").filter(user -> !user.isBlank()).isPresent()) {
      properties.put("mail.smtp.auth", "true");
    }
    if (Boolean.parseBoolean(channel.option("starttls").orElse("false").strip())) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    return properties;
  }

  private static MimeMessage mail(Session session, ChannelConfig channel, OutboundMessage message)
      throws MessagingException {
    MimeMessage mail = new MimeMessage(session);
    String from =
        channel.option("from").filter(value -> !value.isBlank()).orElse("nines@localhost");
    mail.setFrom(new InternetAddress(from, true));
    mail.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(message.target(), true));
    mail.setSubject(message.subject() == null ? "Nines" : message.subject(), "UTF-8");
    mail.setSentDate(new Date());
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      mail.setHeader(header.getKey(), header.getValue());
    }
    MimeMultipart alternatives = new MimeMultipart("alternative");
    // least faithful first: mail readers show the last part they understand
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.textBody() == null ? "" : message.textBody(), "UTF-8", "plain");
    alternatives.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.body(), "UTF-8", "html");
    alternatives.addBodyPart(html);
    mail.setContent(alternatives);
    return mail;
  }

  private static DeliveryResult byReply(
      int code, String reply, String server, OutboundMessage message, String password) {
    List<String> secrets = new ArrayList<>();
    secrets.add(password);
    String said = "SMTP " + code + " from " + server;
    String excerpt = Redaction.scrub(reply, message, secrets);
    String detail = excerpt.isEmpty() ? said : said + ": " + excerpt;
    return code >= 500
        ? DeliveryResult.rejected(code, detail)
        : DeliveryResult.retry(code, null, detail);
  }

  private static SMTPAddressFailedException addressFailure(SendFailedException failed) {
    Exception next = failed.getNextException();
    while (next != null) {
      if (next instanceof SMTPAddressFailedException address) {
        return address;
      }
      next = next instanceof MessagingException nested ? nested.getNextException() : null;
    }
    return null;
  }
}
