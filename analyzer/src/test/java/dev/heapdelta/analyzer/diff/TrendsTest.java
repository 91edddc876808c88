package dev.heapdelta.analyzer.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrendsTest {

    @Test
    void upAtEveryStepIsGrowing() {
        assertEquals(Trend.GROWING, Trends.classify(new long[] {500, 3000, 6000}));
    }

    @Test
    void grewThenFlatIsPlateau() {
        assertEquals(Trend.PLATEAU, Trends.classify(new long[] {100, 1000, 1000}));
        assertEquals(Trend.PLATEAU, Trends.classify(new long[] {100, 500, 1000, 1000, 1001}));
    }

    @Test
    void boundedCacheFullInEverySnapshotIsFlat() {
        assertEquals(Trend.FLAT, Trends.classify(new long[] {1000, 1000, 1000}));
    }

    @Test
    void smallWobbleIsNoise() {
        assertEquals(Trend.FLAT, Trends.classify(new long[] {10_000, 10_050, 9_990}));
        assertEquals(Trend.FLAT, Trends.classify(new long[] {48, 49}));
    }

    @Test
    void downAtEveryStepIsShrinking() {
        assertEquals(Trend.SHRINKING, Trends.classify(new long[] {6000, 3000, 500}));
    }

    @Test
    void twoSnapshotsAreGrowingShrinkingOrFlatNeverPlateau() {
        assertEquals(Trend.GROWING, Trends.classify(new long[] {1000, 2000}));
        assertEquals(Trend.SHRINKING, Trends.classify(new long[] {2000, 1000}));
        assertEquals(Trend.FLAT, Trends.classify(new long[] {2000, 2000}));
        assertEquals("two-snapshots", Trends.basis(2));
        assertEquals("series", Trends.basis(3));
    }

    @Test
    void absentInFirstSnapshotCountsAsZero() {
        assertEquals(Trend.GROWING, Trends.classify(new Long[] {null, 100L, 200L}));
    }

    @Test
    void aSingleStepUpAmongFlatStepsIsNotGrowthAtEveryStep() {
        assertEquals(Trend.FLAT, Trends.classify(new long[] {1000, 1000, 1000, 1000}));
        assertEquals(Trend.PLATEAU, Trends.classify(new long[] {1000, 2000, 2000, 2000}));
    }
}
