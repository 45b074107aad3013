package io.billingnow.platform.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.billingnow.platform.billing.paylinks.PaymentLinkService;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.providers.webhooks.WebhookService;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked on the compiled platform. A rule broken here is a design
 * question for review, not a test to adjust: each rule says why it exists.
 */
class ArchitectureTest {

    private static final String PLATFORM = "io.billingnow.platform";
    private static final JavaClasses PLATFORM_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PLATFORM);

    /** Every package is a slice of its own, so a cycle between two sub-packages of a group counts too. */
    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching(PLATFORM + ".(**)").should().beFreeOfCycles().check(PLATFORM_CLASSES);
    }

    /** The core is what every feature may use; it can only stay that if it uses no feature. */
    @Test
    void theCoreDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage(PLATFORM + ".core..")
                .should().dependOnClassesThat(resideInAPackage(PLATFORM + "..")
                        .and(not(resideInAPackage(PLATFORM + ".core.."))))
                .check(PLATFORM_CLASSES);
    }

    /** Services and the core speak the domain's language; HTTP is mapped at the edge, in one place. */
    @Test
    void theCoreAndTheServicesKnowNothingOfHttp() {
        noClasses().that().resideInAPackage(PLATFORM + ".core..")
                .or().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat(resideInAnyPackage(PLATFORM + ".http..", "jakarta.ws.rs..",
                        "jakarta.servlet..", "org.eclipse.jetty..", "org.glassfish.jersey.."))
                .check(PLATFORM_CLASSES);
    }

    /** A table belongs to one feature: others go through its public API, so a schema change stays in one place. */
    @Test
    void aFeatureNeverUsesAnotherFeaturesDao() {
        classes().that().haveNameMatching(".*Dao(\\$.*)?")
                .should(new ArchCondition<JavaClass>("be used only inside their own package") {
                    @Override
                    public void check(JavaClass dao, ConditionEvents events) {
                        for (Dependency use : dao.getDirectDependenciesToSelf()) {
                            if (!use.getOriginClass().getPackageName().equals(dao.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                            }
                        }
                    }
                })
                .check(PLATFORM_CLASSES);
    }

    /**
     * One data-access convention (CONTRIBUTING.md, "Who owns the transaction"): SQL lives in the SqlObject DAOs of
     * its feature, where the tenant binding is reviewed and a typed record comes back. Only the infrastructure
     * (database set-up in {@code db}, the tenant binding in {@code core.tx}) and the re-encryption job, whose SQL is
     * built from the encrypted-column registry at run time, run statements through a raw Jdbi handle.
     */
    @Test
    void onlyDaosAndTheInfrastructureRunSqlThroughAHandle() {
        noClasses().that(ARE_NEITHER_DAOS_NOR_INFRASTRUCTURE)
                .should().callMethodWhere(RUNS_SQL_THROUGH_A_HANDLE)
                .check(PLATFORM_CLASSES);
    }

    private static final Set<String> HANDLE_STATEMENTS =
            Set.of("createQuery", "createUpdate", "execute", "createScript", "prepareBatch");

    static final DescribedPredicate<JavaMethodCall> RUNS_SQL_THROUGH_A_HANDLE = DescribedPredicate.describe(
            "it runs SQL through Handle#" + String.join("/", new TreeSet<>(HANDLE_STATEMENTS)),
            call -> call.getTargetOwner().isAssignableTo(Handle.class)
                    && HANDLE_STATEMENTS.contains(call.getName()));

    /** SqlObject statement annotations: {@code @SqlQuery}, {@code @SqlUpdate}, {@code @SqlBatch}, ... */
    private static final String SQL_OBJECT_STATEMENTS = "org.jdbi.v3.sqlobject.statement.";

    static final DescribedPredicate<JavaClass> ARE_NEITHER_DAOS_NOR_INFRASTRUCTURE = DescribedPredicate.describe(
            "are neither DAOs nor in db, core.tx or keys.ReencryptionJob",
            type -> !isDao(type) && !isInfrastructure(type));

    private static boolean isInfrastructure(JavaClass type) {
        String name = type.getPackageName();
        return name.equals(PLATFORM + ".db") || name.startsWith(PLATFORM + ".db.")
                || name.equals(PLATFORM + ".core.tx")
                || type.getName().equals(PLATFORM + ".keys.ReencryptionJob")
                || type.getName().startsWith(PLATFORM + ".keys.ReencryptionJob$");
    }

    /** A SqlObject interface: named {@code *Dao}, or declaring SqlObject statements. */
    private static boolean isDao(JavaClass type) {
        return type.isInterface() && (type.getSimpleName().endsWith("Dao") || type.getMethods().stream()
                .flatMap(method -> method.getAnnotations().stream())
                .anyMatch(annotation -> annotation.getRawType().getName().startsWith(SQL_OBJECT_STATEMENTS)));
    }

    /** Resources translate HTTP to calls; SQL lives in DAOs, where the tenant binding and RLS are reviewed. */
    @Test
    void resourcesNeverTouchSql() {
        noClasses().that().areAnnotatedWith(Path.class).or().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat(resideInAnyPackage("org.jdbi..", "java.sql.."))
                .check(PLATFORM_CLASSES);
    }

    /**
     * Protection (headers, limits, monitoring, rate limits, egress) and identity guard the billing features, so they
     * must not need them: a guard that depends on what it guards cannot be reasoned about alone.
     */
    @Test
    void guardsDoNotDependOnWhatTheyGuard() {
        noClasses().that().resideInAnyPackage(PLATFORM + ".protection..", PLATFORM + ".identity..",
                        PLATFORM + ".core..", PLATFORM + ".keys..", PLATFORM + ".audit..")
                .should().dependOnClassesThat(resideInAnyPackage(PLATFORM + ".billing..", PLATFORM + ".providers.."))
                .check(PLATFORM_CLASSES);
    }

    /** Only the composition root (app), the commands (cli) and dev mode see the whole configuration. */
    @Test
    void onlyTheEdgesReadTheWholeConfiguration() {
        noClasses().that().resideOutsideOfPackages(PLATFORM + ".app..", PLATFORM + ".cli..", PLATFORM + ".dev..",
                        PLATFORM + ".config..")
                .should().dependOnClassesThat(resideInAnyPackage(PLATFORM + ".config..", PLATFORM + ".app..",
                        PLATFORM + ".cli.."))
                .check(PLATFORM_CLASSES);
    }

    /**
     * The entry point (resource, filter, job, command) opens the one transaction of a unit of work; a service or a
     * store of tenant data works in the handle it is given, so its change, its audit entry and the caller's other work
     * commit together (CONTRIBUTING.md, "Who owns the transaction"). Bookkeeping that must stand on its own whatever
     * the caller does (a tenant's data keys) uses readSeparately/writeSeparately, which this rule leaves alone.
     */
    @Test
    void servicesNeverOpenATenantTransaction() {
        noClasses().that(simpleNameEndingWith("Service").or(simpleNameEndingWith("Store"))
                        // Not yet converted: both resolve a public token or endpoint to learn the tenant and then
                        // open its transaction; their resources should resolve first and open it (as accepting an
                        // invitation does). Remove each once it takes the handle.
                        .and(not(belongToAnyOf(PaymentLinkService.class, WebhookService.class))))
                .should().callMethodWhere(target(declaredIn(TenantTransactions.class)
                        .and(nameMatching("read|write|perform"))))
                .check(PLATFORM_CLASSES);
    }
}
