package dev.nines.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nines version}: prints the version of Nines and of the Java it runs on. */
@Command(name = "version", description = "Prints the version.")
final class VersionCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  VersionCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    for (String line : lines()) {
      environment.out().println(line);
    }
    return ExitCodes.OK;
  }

  static String[] lines() {
    return new String[] {
      "nines " + version(),
      "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  /** The version Maven wrote into the jar's resources at build time. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  /** Answers {@code nines --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return lines();
    }
  }
}
