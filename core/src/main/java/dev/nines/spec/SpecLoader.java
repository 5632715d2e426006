package dev.nines.spec;

import dev.nines.check.CheckTypes;
import dev.nines.notify.ChannelType;
import dev.nines.notify.ChannelTypes;
import dev.nines.spec.internal.Interpolator;
import dev.nines.spec.internal.LocatedDocument;
import dev.nines.spec.internal.Secrets;
import dev.nines.spec.internal.SpecAssembler;
import dev.nines.spec.internal.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads spec files into a validated {@link Spec}: parses YAML keeping every position, resolves
 * {@code ${VAR}} from the environment, merges several files by entry name and validates it all,
 * reporting every problem at once in an {@link InvalidSpecException}.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /**
   * Loads files and folders (every {@code *.yml} and {@code *.yaml} directly in a folder, by name)
   * with the process environment and the built-in check types.
   */
  public static Spec load(List<Path> paths) {
    return load(paths, System.getenv(), CheckTypes.builtIn());
  }

  /** Loads files and folders with the given environment and check types. */
  public static Spec load(
      List<Path> paths, Map<String, String> environment, CheckTypes checkTypes) {
    ChannelTypes channels = ChannelTypes.standard();
    return load(
        paths, environment, checkTypes, channels.names().stream().map(channels::get).toList());
  }

  /**
   * Loads files and folders with the given environment, check types and the channel types that
   * {@code notify: channels:} options are checked against.
   */
  public static Spec load(
      List<Path> paths,
      Map<String, String> environment,
      CheckTypes checkTypes,
      List<ChannelType> channelTypes) {
    Problems problems = new Problems();
    Secrets secrets = new Secrets();
    List<Path> files = expand(paths, problems);
    YamlTreeReader reader = new YamlTreeReader(problems);
    Interpolator interpolator = new Interpolator(Map.copyOf(environment), problems, secrets);
    SpecAssembler assembler = new SpecAssembler(problems, checkTypes, channelTypes);
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      String name = file.toString();
      names.add(name);
      Optional<LocatedDocument> document = reader.read(file, name);
      if (document.isPresent()) {
        interpolator.interpolate(document.get(), specDir(file));
        assembler.add(document.get());
      }
    }
    Spec spec = assembler.build(names);
    if (!problems.isEmpty()) {
      List<SpecProblem> ordered = new ArrayList<>(secrets.scrub(problems.list()));
      ordered.sort(inFileOrder(names));
      throw new InvalidSpecException(ordered);
    }
    return spec;
  }

  private static String specDir(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null ? "" : parent.toString();
  }

  private static List<Path> expand(List<Path> paths, Problems problems) {
    List<Path> files = new ArrayList<>();
    if (paths.isEmpty()) {
      problems.add(SpecLocation.UNKNOWN, "", "no spec file given", "name a file such as nines.yml");
    }
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        files.add(path);
        continue;
      }
      List<Path> inFolder = specFilesIn(path, problems);
      if (inFolder.isEmpty()) {
        problems.add(
            new SpecLocation(path.toString(), 0, 0),
            "",
            "the folder holds no .yml or .yaml file",
            "point at a spec file or at a folder of them");
      }
      files.addAll(inFolder);
    }
    return files;
  }

  private static List<Path> specFilesIn(Path folder, Problems problems) {
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(Files::isRegularFile)
          .filter(
              child -> {
                String name = child.getFileName().toString();
                return name.endsWith(".yml") || name.endsWith(".yaml");
              })
          .sorted(Comparator.comparing(child -> child.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      problems.add(new SpecLocation(folder.toString(), 0, 0), "", "cannot list the folder");
      return List.of();
    }
  }

  private static Comparator<SpecProblem> inFileOrder(List<String> files) {
    return Comparator.<SpecProblem>comparingInt(problem -> files.indexOf(problem.location().file()))
        .thenComparingInt(problem -> problem.location().line())
        .thenComparingInt(problem -> problem.location().column());
  }
}
