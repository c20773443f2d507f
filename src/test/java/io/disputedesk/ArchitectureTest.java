package io.disputedesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layers, bottom to top: configuration and infrastructure (config, json, store, http,
 * concurrent, auth); the PayPal client (paypal); the dispute domain and its stores (dispute, order,
 * drafts, routing); use cases (sync, actions, digest, reminders, insights, jobs, webhooks, ops,
 * rules) that emit domain events and messages through interfaces; Slack presentation and handlers
 * (slack..); and the root package ({@code App}), which wires them. A layer uses only the layers
 * below it, no two packages depend on each other, and the demo ({@code sim}) is started only by
 * {@code App}.
 */
class ArchitectureTest {
  private static final String ROOT = "io.disputedesk";
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  /**
   * Upward imports still in the code, each a class and the classes above it that it uses. The list
   * only shrinks: a new upward import fails the test, and so does an entry that is no longer true.
   * Every use case speaks through a port of its own taking domain values ({@code
   * sync.DisputeNotices}, {@code actions.ActionNotices}, {@code digest.DigestPublisher}, {@code
   * reminders.ReminderNotices}, {@code insights.ReportPublisher}, {@code rules.RuleNotices}),
   * implemented in slack; plain words come from {@code dispute.Words}. What is left: the
   * configuration checks route and rule filters at load with the domain's filter language, so that
   * every problem of a config file is reported at once; the language reads PayPal's enums and
   * dispute facts, so it cannot move down into config.
   */
  private static final Map<String, List<String>> KNOWN_UPWARD =
      Map.ofEntries(
          // config: routes are validated at load with the dispute filter language (which reads
          // PayPal's enums).
          Map.entry("config.RouteSettings", List.of("dispute.DisputeFilter")),
          Map.entry(
              "config.RoutesLoader",
              List.of("dispute.DisputeFilter", "dispute.FilterException", "dispute.FilterWords")),
          Map.entry("config.RuleSettings", List.of("dispute.DisputeFilter")),
          Map.entry(
              "config.RulesLoader",
              List.of("dispute.DisputeFilter", "dispute.FilterException", "dispute.FilterWords")));

  @Test
  void packagesHaveNoCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void layersOnlyUseTheLayersBelow() {
    LayeredArchitecture layers =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Infrastructure")
            .definedBy(
                pkg("config"),
                pkg("json"),
                pkg("store"),
                pkg("http"),
                pkg("concurrent"),
                pkg("auth"))
            .layer("PayPal")
            .definedBy(pkg("paypal"))
            .layer("Domain")
            .definedBy(pkg("dispute"), pkg("order"), pkg("drafts"), pkg("routing"))
            .layer("UseCases")
            .definedBy(
                pkg("sync"),
                pkg("actions"),
                pkg("digest"),
                pkg("reminders"),
                pkg("insights"),
                pkg("jobs"),
                pkg("webhooks"),
                pkg("ops"),
                pkg("rules"))
            .layer("Slack")
            .definedBy(pkg("slack"))
            .layer("Demo")
            .definedBy(pkg("sim"))
            .layer("App")
            .definedBy(ROOT)
            .whereLayer("Infrastructure")
            .mayNotAccessAnyLayer()
            .whereLayer("PayPal")
            .mayOnlyAccessLayers("Infrastructure")
            .whereLayer("Domain")
            .mayOnlyAccessLayers("Infrastructure", "PayPal")
            .whereLayer("UseCases")
            .mayOnlyAccessLayers("Infrastructure", "PayPal", "Domain")
            .whereLayer("Slack")
            .mayOnlyAccessLayers("Infrastructure", "PayPal", "Domain", "UseCases")
            .whereLayer("Demo")
            .mayOnlyAccessLayers("Infrastructure");
    for (Map.Entry<String, List<String>> known : KNOWN_UPWARD.entrySet()) {
      for (String target : known.getValue()) {
        layers = layers.ignoreDependency(classOrNested(known.getKey()), classOrNested(target));
      }
    }
    layers.check(MAIN);
  }

  @Test
  void everyKnownUpwardImportIsStillThere() {
    KNOWN_UPWARD.forEach(
        (origin, targets) -> {
          List<String> used =
              MAIN.get(ROOT + "." + origin).getDirectDependenciesFromSelf().stream()
                  .map(Dependency::getTargetClass)
                  .map(JavaClass::getName)
                  .toList();
          for (String target : targets) {
            assertThat(used)
                .as("%s no longer uses %s: remove it from KNOWN_UPWARD", origin, target)
                .anyMatch(
                    name ->
                        name.equals(ROOT + "." + target)
                            || name.startsWith(ROOT + "." + target + "$"));
          }
        });
  }

  @Test
  void onlyTheDemoEntryStartsTheSimulator() {
    noClasses()
        .that()
        .resideOutsideOfPackage(pkg("sim"))
        .and()
        .doNotHaveFullyQualifiedName(ROOT + ".App")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg("sim"))
        .check(MAIN);
  }

  private static DescribedPredicate<JavaClass> classOrNested(String name) {
    String full = ROOT + "." + name;
    return DescribedPredicate.describe(
        name, c -> c.getName().equals(full) || c.getName().startsWith(full + "$"));
  }

  private static String pkg(String name) {
    return ROOT + "." + name + "..";
  }
}
