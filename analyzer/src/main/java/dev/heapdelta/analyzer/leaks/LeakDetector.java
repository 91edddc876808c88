package dev.heapdelta.analyzer.leaks;

import java.util.List;

/** One way of spotting a leak across a series of snapshots. Returns suspects with reasons; never prints. */
public interface LeakDetector {
    List<Suspect> detect(SeriesContext series);
}
