package dev.nines.spec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nines.notify.ChannelType;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes spec files into a test folder and loads them with a given environment. */
final class SpecFiles {
  private final Path folder;
  private Map<String, String> environment = Map.of();
  private List<ChannelType> channelTypes = List.of();

  SpecFiles(Path folder) {
    this.folder = folder;
  }

  SpecFiles environment(Map<String, String> variables) {
    this.environment = Map.copyOf(variables);
    return this;
  }

  SpecFiles channelTypes(List<ChannelType> types) {
    this.channelTypes = List.copyOf(types);
    return this;
  }

  /** Writes a file (creating folders) and returns its path. */
  Path write(String name, String yaml) {
    try {
      Path file = folder.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Spec load(Path... paths) {
    return SpecLoader.load(List.of(paths), environment, TestCheckTypes.registry(), channelTypes);
  }

  /** Writes one file, loads it and returns its problems, which must exist. */
  List<SpecProblem> problems(String yaml) {
    return problemsOf(write("nines.yml", yaml));
  }

  List<SpecProblem> problemsOf(Path... paths) {
    InvalidSpecException[] thrown = new InvalidSpecException[1];
    assertThatThrownBy(
            () -> {
              try {
                load(paths);
              } catch (InvalidSpecException e) {
                thrown[0] = e;
                throw e;
              }
            })
        .isInstanceOf(InvalidSpecException.class);
    return thrown[0].problems();
  }

  /** The problems as the user reads them, with the file named relative to the test folder. */
  List<String> lines(List<SpecProblem> problems) {
    String prefix = folder.toString() + File.separator;
    return problems.stream().map(problem -> problem.toString().replace(prefix, "")).toList();
  }

  List<String> problemLines(String yaml) {
    return lines(problems(yaml));
  }
}
