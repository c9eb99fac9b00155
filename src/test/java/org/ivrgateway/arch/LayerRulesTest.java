package org.ivrgateway.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers' rules of docs/ARCHITECTURE.md, checked on the compiled main classes (ArchUnit), so that a
 * change that breaks one fails here rather than in a review.
 */
class LayerRulesTest {
    private static final String CONFIG_PACKAGE = "org.ivrgateway.config";
    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ivrgateway");
    }

    @Test
    void oneJsonMapperIsMadeOnlyInTheJsonPackage() {
        noClasses().that().resideOutsideOfPackage("org.ivrgateway.json..")
                // the YAML configuration's mapper, over Jackson's YAML factory (a mapper reads one format)
                .and().doNotHaveFullyQualifiedName("org.ivrgateway.server.config.ConfigLoader")
                .should().callCodeUnitWhere(describe("a constructor or builder of a Jackson ObjectMapper",
                        (JavaCall<?> call) -> isJacksonMapper(call.getTargetOwner())
                                && (call.getName().equals("<init>") || call.getName().equals("builder"))))
                .check(main);
    }

    @Test
    void theStoreKnowsNothingOfTheApi() {
        noClasses().that().resideInAPackage("org.ivrgateway.store..")
                .should().dependOnClassesThat().resideInAPackage("org.ivrgateway.api..")
                .check(main);
    }

    @Test
    void theConsoleReadsViewsNotTheConfigurationRecords() {
        // Role and AccessConfig are the sign-in's: who is asking, and the console's session rules.
        noClasses().that().resideInAPackage("org.ivrgateway.web.console..")
                .should().dependOnClassesThat(describe("configuration records other than Role and AccessConfig",
                        (JavaClass c) -> c.getPackageName().equals(CONFIG_PACKAGE)
                                && !c.getSimpleName().equals("Role") && !c.getName().startsWith(CONFIG_PACKAGE + ".AccessConfig")))
                .check(main);
    }

    /**
     * ObjectMapper or one of Jackson's format mappers (JsonMapper, YAMLMapper…), told by name: the library's
     * classes are not imported (src/test/resources/archunit.properties), so their hierarchy is unknown.
     */
    private static boolean isJacksonMapper(JavaClass c) {
        return c.getName().equals(ObjectMapper.class.getName())
                || (c.getPackageName().startsWith("com.fasterxml.jackson.") && c.getSimpleName().endsWith("Mapper"));
    }
}
