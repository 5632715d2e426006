package dev.nines.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.nines.NinesException;
import dev.nines.cli.internal.Platform;
import dev.nines.server.remediation.Actions;
import dev.nines.server.remediation.RemediationAttempt;
import dev.nines.server.remediation.Remediations;
import dev.nines.server.remediation.Remediator;
import dev.nines.spec.Spec;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nines remediate}: runs an incident's remediation (an Airflow DAG run or a webhook) now,
 * straight from the store, with or without a running server; {@code --list} shows what is offered.
 */
@Command(
    name = "remediate",
    description =
        "Runs an incident's remediation now (re-run its Airflow DAG or call its webhook) and"
            + " records it on the incident's timeline; --list shows what is offered.")
final class RemediateCommand implements Callable<Integer> {
  /** The forms remediate prints in. */
  enum Format {
    text,
    json
  }

  private final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Mixin SpecOptions specOptions;

  @Mixin StoreOption storeOption;

  @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident's id, e.g. 42.")
  String incident;

  @Option(
      names = "--action",
      paramLabel = "NAME",
      description = "Which offered action to run (default: the first that runs something).")
  String action;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who asks; recorded on the incident's timeline (default: $USER, else nines).")
  String by;

  @Option(names = "--list", description = "Show the offered actions and past attempts; run none.")
  boolean list;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  RemediateCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    long incidentId = incidentId();
    Spec spec = specOptions.load(environment);
    StoreSpec storeSpec = storeOption.resolve(spec.store(), environment.env());
    NinesStore store;
    try {
      store = Platform.openStore(storeSpec);
    } catch (RuntimeException e) {
      throw new NinesException(StoreProblems.describe("cannot open the store", storeSpec, e), e);
    }
    try {
      Remediator remediator =
          new Remediator(
              store.incidents(),
              () -> spec,
              new Actions(Actions.DEFAULT_TIMEOUT),
              environment.clock());
      if (list) {
        Remediations remediations = remediator.list(incidentId);
        print(remediations, () -> printList(remediations));
        return ExitCodes.OK;
      }
      RemediationAttempt attempt = remediator.run(incidentId, action, actor());
      print(attempt, () -> printAttempt(attempt));
      return Boolean.TRUE.equals(attempt.succeeded()) ? ExitCodes.OK : ExitCodes.SYSTEM_ERROR;
    } finally {
      StoreProblems.closeQuietly(store);
    }
  }

  private long incidentId() {
    String text = incident.startsWith("#") ? incident.substring(1) : incident;
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new NinesException(
        "'" + incident + "' is not an incident id: give its number, e.g. nines remediate 42");
  }

  private String actor() {
    if (by != null && !by.isBlank()) {
      return by;
    }
    String user = environment.env().get("USER");
    return user == null || user.isBlank() ? null : user;
  }

  private void printList(Remediations remediations) {
    PrintWriter out = environment.out();
    if (remediations.offers().isEmpty()) {
      out.println(
          "incident #"
              + remediations.incident()
              + " is offered no remediation: declare remediation: on the pipeline that writes it");
    } else {
      out.println("incident #" + remediations.incident() + " is offered:");
      for (Remediations.Offer offer : remediations.offers()) {
        out.printf(
            "  %-20s %s%n  %-20s (%s)%n", offer.name(), offer.description(), "", offer.reason());
      }
    }
    if (remediations.attempts().isEmpty()) {
      out.println("no attempts yet");
      return;
    }
    out.println("attempts:");
    for (RemediationAttempt attempt : remediations.attempts()) {
      out.printf(
          "  %s  %s attempt %d by %s: %s%n",
          attempt.startedAt(),
          attempt.action(),
          attempt.attempt(),
          attempt.actor(),
          attempt.succeeded() == null
              ? "no outcome recorded"
              : (attempt.succeeded() ? "succeeded: " : "failed: ") + attempt.result());
    }
  }

  private void printAttempt(RemediationAttempt attempt) {
    PrintWriter out =
        Boolean.TRUE.equals(attempt.succeeded()) ? environment.out() : environment.err();
    out.println(
        attempt.action()
            + " attempt "
            + attempt.attempt()
            + (Boolean.TRUE.equals(attempt.succeeded()) ? " succeeded: " : " failed: ")
            + attempt.result());
  }

  private void print(Object value, Runnable asText) {
    if (format == Format.text) {
      asText.run();
      return;
    }
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    try {
      environment.out().println(mapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
