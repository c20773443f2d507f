package io.disputedesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
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
    layers.check(MAIN);
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

  private static String pkg(String name) {
    return ROOT + "." + name + "..";
  }
}
