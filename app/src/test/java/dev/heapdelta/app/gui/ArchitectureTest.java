package dev.heapdelta.app.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of STYLE.md, checked on the compiled classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.heapdelta");
    }

    @Test
    void analyzerImportsNoUiCliChartOrPdfLibrary() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.heapdelta.analyzer..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..",
                        "picocli..", "org.jfree..", "com.lowagie..", "com.itextpdf..", "org.apache.pdfbox..",
                        "com.openhtmltopdf..", "be.quodlibet.boxable..", "dev.heapdelta.app..");
        rule.check(classes);
    }

    @Test
    void analyzerNeverPrintsToStandardOutputOrError() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.heapdelta.analyzer..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace");
        rule.check(classes);
    }

    @Test
    void viewsTalkToViewModelsNotToTheAnalyzer() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.heapdelta.app.gui..")
                .and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().resideInAPackage("dev.heapdelta.analyzer..");
        rule.check(classes);
    }

    @Test
    void nothingThatBuildsNodesReachesIntoTheAnalyzer() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.heapdelta.app.gui..")
                .and().doNotHaveSimpleName("GuiLauncher")
                .and().areNotAssignableTo(javafx.concurrent.Task.class)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .andShould().dependOnClassesThat().resideInAPackage("dev.heapdelta.analyzer..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void viewModelsHoldNoNodesStagesOrScenes() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.heapdelta.app.gui..")
                .and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");
        rule.check(classes);
    }

    @Test
    void analyzerNeverDependsOnTheApp() {
        noClasses().that().resideInAPackage("dev.heapdelta.analyzer..")
                .should().dependOnClassesThat().resideInAPackage("dev.heapdelta.app..")
                .check(classes);
    }

    @Test
    void javaFxIsUsedOnlyInsideTheGuiPackages() {
        noClasses().that().resideOutsideOfPackage("dev.heapdelta.app.gui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the CLI, capture and PDF code run headless, in containers and CI without a display")
                .check(classes);
    }
}
