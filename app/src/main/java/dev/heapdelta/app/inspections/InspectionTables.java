package dev.heapdelta.app.inspections;

import dev.heapdelta.analyzer.analysis.Snapshot;
import dev.heapdelta.analyzer.format.ObjectIds;
import dev.heapdelta.analyzer.format.StringRedaction;
import dev.heapdelta.analyzer.graph.HeapFormat;
import dev.heapdelta.analyzer.inspections.ClassLoaderCensus;
import dev.heapdelta.analyzer.inspections.CollectionWaste;
import dev.heapdelta.analyzer.inspections.DuplicateArrays;
import dev.heapdelta.analyzer.inspections.DuplicateStrings;
import dev.heapdelta.analyzer.inspections.PackageHistogram;
import dev.heapdelta.app.inspections.InspectionTable.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables of each inspection kind, computed per snapshot, in the JSON shapes of the issue. */
public final class InspectionTables {
    private InspectionTables() {
    }

    /** The inspections {@code heapdelta inspect} runs, by the name the command line gives. */
    public enum Kind {
        STRINGS, COLLECTIONS, ARRAYS, CLASSLOADERS, PACKAGES;

        /** The command-line name: {@code strings}, … */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Why this inspection has nothing to say about a dump of this format, or null when it runs: V8
         * snapshots have no class loaders, and keep no array contents.
         */
        public String unavailableOn(HeapFormat format) {
            if (format != HeapFormat.V8) {
                return null;
            }
            return switch (this) {
                case CLASSLOADERS -> "V8 heap snapshots have no class loaders: JavaScript code is not loaded by "
                        + "loader objects (the packages inspection groups objects by npm package)";
                case ARRAYS -> "V8 heap snapshots keep no array contents, so duplicate and zero-filled arrays "
                        + "cannot be found (the strings inspection finds duplicated strings)";
                default -> null;
            };
        }

        /** The reason of {@link #unavailableOn} for the first of the snapshots it applies to, or null. */
        public String unavailableOn(List<Snapshot> snapshots) {
            for (Snapshot snapshot : snapshots) {
                String reason = unavailableOn(snapshot.format());
                if (reason != null) {
                    return reason;
                }
            }
            return null;
        }

        /** @throws IllegalArgumentException naming the kinds there are */
        public static Kind parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown inspection '" + text
                        + "': expected strings, collections, arrays, classloaders or packages", e);
            }
        }
    }

    /** Computes the kind's tables over the snapshots, oldest first. Performance: one pass per snapshot. */
    public static List<InspectionTable<?>> of(Kind kind, List<Snapshot> snapshots, boolean includeStrings) {
        return switch (kind) {
            case STRINGS -> List.of(strings(snapshots, includeStrings));
            case COLLECTIONS -> collections(snapshots);
            case ARRAYS -> arrays(snapshots);
            case CLASSLOADERS -> classLoaders(snapshots);
            case PACKAGES -> packages(snapshots);
        };
    }

    private static InspectionTable<DuplicateStrings.Group> strings(List<Snapshot> snapshots, boolean includeStrings) {
        List<List<DuplicateStrings.Group>> rows = new ArrayList<>();
        snapshots.forEach(s -> rows.add(DuplicateStrings.of(s)));
        return new InspectionTable<>("strings", List.of(
                new Column<>("value", g -> StringRedaction.show(g.value(), includeStrings)),
                new Column<>("count", DuplicateStrings.Group::count),
                new Column<>("shallowBytes", DuplicateStrings.Group::shallowBytes),
                new Column<>("wastedBytes", DuplicateStrings.Group::wastedBytes)),
                DuplicateStrings.Group::value,
                g -> "duplicate string " + quoted(StringRedaction.show(g.value(), includeStrings)),
                "count", "wastedBytes", DuplicateStrings.Group::sample, rows);
    }

    private static String quoted(String value) {
        String shown = value.length() > 60 ? value.substring(0, 57) + "…" : value;
        return "'" + shown.replace("\n", "\\n") + "'";
    }

    private static List<InspectionTable<?>> collections(List<Snapshot> snapshots) {
        List<List<CollectionWaste.EmptyGroup>> empty = new ArrayList<>();
        List<List<CollectionWaste.FillGroup>> fill = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            CollectionWaste.Result result = CollectionWaste.of(snapshot);
            empty.add(result.empty());
            fill.add(result.fillRatio());
        }
        return List.of(new InspectionTable<>("empty", List.of(
                new Column<>("className", CollectionWaste.EmptyGroup::className),
                new Column<>("count", CollectionWaste.EmptyGroup::count),
                new Column<>("shallowBytes", CollectionWaste.EmptyGroup::shallowBytes),
                new Column<>("retainedBytes", CollectionWaste.EmptyGroup::retainedBytes)),
                CollectionWaste.EmptyGroup::className, g -> "empty " + g.className(), "count", "shallowBytes",
                CollectionWaste.EmptyGroup::sample, empty),
                new InspectionTable<>("fillRatio", List.of(
                        new Column<>("className", CollectionWaste.FillGroup::className),
                        new Column<>("pathKey", CollectionWaste.FillGroup::pathKey),
                        new Column<>("count", CollectionWaste.FillGroup::count),
                        new Column<>("averageFill", CollectionWaste.FillGroup::averageFill),
                        new Column<>("minFill", CollectionWaste.FillGroup::minFill),
                        new Column<>("maxFill", CollectionWaste.FillGroup::maxFill),
                        new Column<>("wastedBytes", CollectionWaste.FillGroup::wastedBytes)),
                        g -> g.className() + "\u0000" + g.pathKey(),
                        g -> String.format(Locale.ROOT, "%s at %s, %.0f%% full on average", g.className(),
                                g.pathKey().isEmpty() ? "(no path)" : g.pathKey(), 100 * g.averageFill()),
                        "count", "wastedBytes", CollectionWaste.FillGroup::sample, fill));
    }

    private static List<InspectionTable<?>> arrays(List<Snapshot> snapshots) {
        List<List<DuplicateArrays.Group>> duplicates = new ArrayList<>();
        List<List<DuplicateArrays.ZeroFilled>> zeros = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            DuplicateArrays.Result result = DuplicateArrays.of(snapshot);
            duplicates.add(result.duplicates());
            zeros.add(result.zeroFilled());
        }
        return List.of(new InspectionTable<>("duplicates", List.of(
                new Column<>("className", DuplicateArrays.Group::className),
                new Column<>("length", DuplicateArrays.Group::length),
                new Column<>("count", DuplicateArrays.Group::count),
                new Column<>("shallowBytes", DuplicateArrays.Group::shallowBytes),
                new Column<>("wastedBytes", DuplicateArrays.Group::wastedBytes),
                new Column<>("digest", DuplicateArrays.Group::digest)),
                g -> g.className() + "\u0000" + g.length() + "\u0000" + g.digest(),
                g -> "duplicate " + g.className().replace("[]", "[" + g.length() + "]") + " #"
                        + g.digest().substring(0, 8), "count", "wastedBytes", DuplicateArrays.Group::sample, duplicates),
                new InspectionTable<>("zeroFilled", List.of(
                        new Column<>("className", DuplicateArrays.ZeroFilled::className),
                        new Column<>("count", DuplicateArrays.ZeroFilled::count),
                        new Column<>("shallowBytes", DuplicateArrays.ZeroFilled::shallowBytes)),
                        DuplicateArrays.ZeroFilled::className, z -> "zero-filled " + z.className(), "count",
                        "shallowBytes", DuplicateArrays.ZeroFilled::sample, zeros));
    }

    private static List<InspectionTable<?>> classLoaders(List<Snapshot> snapshots) {
        List<List<LoaderRow>> loaders = new ArrayList<>();
        List<List<ClassLoaderCensus.DuplicateClass>> duplicates = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            ClassLoaderCensus.Result result = ClassLoaderCensus.of(snapshot);
            List<LoaderRow> rows = new ArrayList<>();
            Map<String, Integer> ordinalByName = new LinkedHashMap<>();
            for (ClassLoaderCensus.Loader loader : result.loaders()) {
                String name = loader.className() + " " + loader.label();
                int ordinal = ordinalByName.merge(name, 1, Integer::sum);
                rows.add(new LoaderRow(loader.object() < 0 ? "" : ObjectIds.format(snapshot.graph(), loader.object()),
                        name + " #" + ordinal, loader));
            }
            loaders.add(rows);
            duplicates.add(result.duplicateClasses());
        }
        return List.of(new InspectionTable<>("loaders", List.of(
                new Column<>("id", LoaderRow::id),
                new Column<>("className", r -> r.loader().className()),
                new Column<>("label", r -> r.loader().label()),
                new Column<>("classes", r -> r.loader().classes()),
                new Column<>("instances", r -> r.loader().instances()),
                new Column<>("retainedBytes", r -> r.loader().retainedBytes())),
                LoaderRow::key, r -> (r.loader().className() + " " + r.loader().label()).strip() + " " + r.id(),
                "classes", "retainedBytes", r -> r.loader().object(), loaders),
                new InspectionTable<>("duplicateClasses", List.of(
                        new Column<>("name", ClassLoaderCensus.DuplicateClass::name),
                        new Column<>("copies", ClassLoaderCensus.DuplicateClass::copies),
                        new Column<>("instances", ClassLoaderCensus.DuplicateClass::instances)),
                        ClassLoaderCensus.DuplicateClass::name, d -> "duplicate class " + d.name(), "copies",
                        "instances", d -> -1, duplicates));
    }

    /**
     * A loader and how it is matched across snapshots, where its address changes: by class, label and
     * rank among the loaders of that class and label.
     */
    private record LoaderRow(String id, String key, ClassLoaderCensus.Loader loader) {
    }

    /** One package of one loader's classes. */
    private record LoaderPackage(String loaderId, String loader, PackageHistogram.Row row) {
    }

    private static List<InspectionTable<?>> packages(List<Snapshot> snapshots) {
        List<List<PackageHistogram.Row>> packages = new ArrayList<>();
        List<List<LoaderPackage>> byLoader = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            PackageHistogram.Result result = PackageHistogram.of(snapshot);
            packages.add(result.packages());
            List<LoaderPackage> rows = new ArrayList<>();
            for (PackageHistogram.LoaderPackages loader : result.byLoader()) {
                String id = loader.loader() < 0 ? "" : ObjectIds.format(snapshot.graph(), loader.loader());
                String name = (loader.className() + " " + loader.label()).strip();
                loader.packages().forEach(row -> rows.add(new LoaderPackage(id, name, row)));
            }
            byLoader.add(rows);
        }
        List<Column<PackageHistogram.Row>> columns = List.of(
                new Column<>("name", PackageHistogram.Row::name),
                new Column<>("count", PackageHistogram.Row::count),
                new Column<>("shallowBytes", PackageHistogram.Row::shallowBytes),
                new Column<>("retainedBytes", PackageHistogram.Row::retainedBytes),
                new Column<>("directCount", PackageHistogram.Row::directCount),
                new Column<>("directShallowBytes", PackageHistogram.Row::directShallowBytes));
        List<Column<LoaderPackage>> loaderColumns = new ArrayList<>();
        loaderColumns.add(new Column<>("loaderId", LoaderPackage::loaderId));
        loaderColumns.add(new Column<>("loader", LoaderPackage::loader));
        for (Column<PackageHistogram.Row> column : columns) {
            loaderColumns.add(new Column<>(column.name(), p -> column.value().apply(p.row())));
        }
        return List.of(new InspectionTable<>("packages", columns, PackageHistogram.Row::name,
                r -> "package " + r.name(), "count", "retainedBytes", r -> -1, packages),
                new InspectionTable<>("byLoader", loaderColumns, p -> p.loader() + "\u0000" + p.row().name(),
                        p -> "package " + p.row().name() + " of " + p.loader(), "count", "retainedBytes", p -> -1,
                        byLoader));
    }
}
