package dev.nines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliEnvironmentTest {
  private static CliEnvironment environment(boolean terminal, Map<String, String> env) {
    PrintWriter sink = new PrintWriter(new StringWriter());
    return new CliEnvironment(sink, sink, env, Clock.systemUTC(), Path.of(""), terminal, false);
  }

  @Test
  void colours_need_a_terminal() {
    assertThat(environment(true, Map.of()).colours()).isTrue();
    assertThat(environment(false, Map.of()).colours()).isFalse();
  }

  @Test
  void no_color_turns_colours_off_unless_empty() {
    assertThat(environment(true, Map.of("NO_COLOR", "1")).colours()).isFalse();
    assertThat(environment(true, Map.of("NO_COLOR", "")).colours()).isTrue();
  }

  @Test
  void a_dumb_terminal_gets_no_colours() {
    assertThat(environment(true, Map.of("TERM", "dumb")).colours()).isFalse();
  }
}
