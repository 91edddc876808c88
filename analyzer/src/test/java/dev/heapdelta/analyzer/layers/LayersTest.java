package dev.heapdelta.analyzer.layers;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyzer's packages in the order data flows through them (DESIGN's readers → graph →
 * dominators/queries → diff → leaks → report), checked on the compiled classes so that a back-edge
 * fails the build.
 */
class LayersTest {
    /** Bottom-up; a package may use any package listed before its own line. */
    static final List<List<String>> ANALYZER_LAYERS = List.of(
            List.of("store"),
            List.of("source"),
            List.of("graph"),
            List.of("hprof", "v8"),
            List.of("dominators"),
            List.of("query"),
            List.of("analysis"),
            List.of("diff"),
            List.of("format"),
            List.of("codesites"),
            List.of("leaks", "oql"),
            List.of("threads", "inspections"),
            List.of("report"));

    private static JavaClasses analyzer;

    @BeforeAll
    static void importAnalyzer() {
        analyzer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.heapdelta.analyzer");
    }

    @Test
    void noPackageOfTheAnalyzerDependsOnOneLaterInTheDataFlow() {
        OneWayPackages.bottomUp("dev.heapdelta.analyzer", ANALYZER_LAYERS).check(analyzer);
    }

    @Test
    void theAnalyzersPackagesFormNoCycle() {
        slices().matching("dev.heapdelta.analyzer.(*)..").should().beFreeOfCycles().check(analyzer);
    }

    @Test
    void everyPackageOfTheAnalyzerHasItsPlaceInTheOrder() {
        List<String> listed = ANALYZER_LAYERS.stream().flatMap(List::stream).toList();
        List<String> unlisted = analyzer.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith("dev.heapdelta.analyzer."))
                .map(p -> p.substring("dev.heapdelta.analyzer.".length()).split("\\.")[0])
                .distinct()
                .filter(p -> !listed.contains(p))
                .toList();
        assertEquals(List.of(), unlisted,
                "a new package must take its place in ANALYZER_LAYERS, or the rule would not see its back-edges");
    }
}
