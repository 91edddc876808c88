package dev.heapdelta.analyzer.layers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.heapdelta.analyzer.layers.fixture.lower.BackEdge;
import dev.heapdelta.analyzer.layers.fixture.lower.Detector;
import dev.heapdelta.analyzer.layers.fixture.upper.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layer rule itself, on fixture classes: it passes on a one-way pair and fails on a back-edge. */
class OneWayPackagesTest {
    private static final String FIXTURE = "dev.heapdelta.analyzer.layers.fixture";
    private static final List<List<String>> LOWER_THEN_UPPER = List.of(List.of("lower"), List.of("upper"));

    @Test
    void anUpperLayerUsingALowerOnePasses() {
        JavaClasses oneWay = new ClassFileImporter().importClasses(Detector.class, Report.class);
        assertDoesNotThrow(() -> OneWayPackages.bottomUp(FIXTURE, LOWER_THEN_UPPER).check(oneWay));
    }

    @Test
    void aLowerLayerUsingAnUpperOneFailsAndNamesTheBackEdge() {
        JavaClasses withBackEdge = new ClassFileImporter().importClasses(Detector.class, Report.class, BackEdge.class);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> OneWayPackages.bottomUp(FIXTURE, LOWER_THEN_UPPER).check(withBackEdge));
        assertTrue(failure.getMessage().contains(BackEdge.class.getName()), failure.getMessage());
        assertTrue(failure.getMessage().contains(Report.class.getName()), failure.getMessage());
    }

    @Test
    void siblingsOfOneLayerMayNotUseEachOther() {
        JavaClasses withBackEdge = new ClassFileImporter().importClasses(Detector.class, Report.class, BackEdge.class);
        List<List<String>> siblings = List.of(List.of("lower", "upper"));
        assertThrows(AssertionError.class, () -> OneWayPackages.bottomUp(FIXTURE, siblings).check(withBackEdge));
    }
}
