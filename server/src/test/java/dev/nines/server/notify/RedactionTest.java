package dev.nines.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private final OutboundMessage message =
      new OutboundMessage(
          "oncall",
          Transport.HTTP_POST,
          "https://hooks.slack.com/services/T01/B02/abcdefSECRET",
          Map.of("Content-Type", "application/json", "Authorization", "GenieKey my-genie-key"),
          null,
          "{}",
          null);

  @Test
  void url_path_segments_and_header_values_are_masked() {
    String scrubbed =
        Redaction.scrub(
            "bad hook /services/T01/B02/abcdefSECRET and abcdefSECRET with my-genie-key",
            message,
            List.of());

    assertThat(scrubbed)
        .doesNotContain("abcdefSECRET")
        .doesNotContain("my-genie-key")
        .startsWith("bad hook ***");
  }

  @Test
  void key_shaped_words_are_masked_but_ordinary_words_stay() {
    String scrubbed =
        Redaction.scrub(
            "Invalid routing key R0123456789abcdef0123456789abcdef for internationalization",
            message,
            List.of());

    assertThat(scrubbed).isEqualTo("Invalid routing key *** for internationalization");
  }

  @Test
  void extra_secrets_are_masked_and_the_text_is_one_short_line() {
    String scrubbed =
        Redaction.scrub("pw hunter22\n" + "x ".repeat(300), message, List.of("hunter22"));

    assertThat(scrubbed).startsWith("pw *** x x").doesNotContain("\n").hasSize(201);
  }

  @Test
  void only_the_host_of_a_url_is_shown() {
    assertThat(Redaction.hostOf("https://hooks.slack.com/services/T01/B02/SECRET"))
        .isEqualTo("hooks.slack.com");
    assertThat(Redaction.hostOf("not a url")).isEqualTo("the receiver");
  }
}
