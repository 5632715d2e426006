package dev.nines.cli.internal;

import dev.nines.NinesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns the {@code -c FILE_OR_DIR} arguments into the list of spec files to read. */
public final class SpecFiles {
  /** The spec read when no {@code -c} is given. */
  public static final String DEFAULT_FILE = "nines.yml";

  private SpecFiles() {}

  /**
   * Resolves each argument against {@code workingDirectory}; a directory contributes its {@code
   * *.yml} and {@code *.yaml} files in name order. Paths stay as the user wrote them when the
   * working directory is the process's own, so problems name {@code examples/x.yml:3:5}.
   */
  public static List<Path> resolve(List<Path> arguments, Path workingDirectory) {
    boolean processDirectory = workingDirectory.equals(Path.of("").toAbsolutePath().normalize());
    List<Path> files = new ArrayList<>();
    for (Path file : resolveAbsolute(arguments, workingDirectory)) {
      files.add(processDirectory ? workingDirectory.relativize(file) : file);
    }
    return files;
  }

  private static List<Path> resolveAbsolute(List<Path> arguments, Path workingDirectory) {
    boolean defaulted = arguments == null || arguments.isEmpty();
    List<Path> given = defaulted ? List.of(Path.of(DEFAULT_FILE)) : arguments;
    List<Path> files = new ArrayList<>();
    for (Path argument : given) {
      Path path = workingDirectory.resolve(argument).normalize();
      if (Files.isDirectory(path)) {
        List<Path> inside = yamlFilesIn(path);
        if (inside.isEmpty()) {
          throw new NinesException("no .yml or .yaml spec file in directory " + argument);
        }
        files.addAll(inside);
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (defaulted) {
        throw new NinesException(
            "no spec file: "
                + DEFAULT_FILE
                + " is not in the current directory (give one with -c FILE_OR_DIR)");
      } else {
        throw new NinesException("spec file not found: " + argument);
      }
    }
    return files;
  }

  private static List<Path> yamlFilesIn(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(
              file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".yml") || name.endsWith(".yaml");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new NinesException("cannot list spec directory " + directory + ": " + e.getMessage());
    }
  }
}
