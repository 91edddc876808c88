package dev.heapdelta.app.gui.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapdelta.app.gui.navigation.Navigator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** 50,000 classes in the real diff table: sorting by a header click and filtering by typing stay quick. */
@ExtendWith(ApplicationExtension.class)
class ClassTableScaleTest {
    private static final int ROWS = 50_000;
    /**
     * The list work alone must stay well under a second even on a busy two-core machine (it takes tens of
     * milliseconds on an idle one); a click until the table has re-rendered in software may take longer.
     */
    private static final long LIST_LIMIT_MILLIS = 1_000;
    private static final long TABLE_LIMIT_MILLIS = 5_000;

    /**
     * The FX thread's longest wait while the 50,000-row table opens: 89-277 ms measured once its rows are
     * built off the FX thread, up to 458 ms on a loaded machine. The figure is printed; the assertion is
     * that the UI never freezes for a second.
     */
    private static final long OPENING_LIMIT_MILLIS = 1_000;

    private ClassDiffViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = ClassDiffViewModel.ofItems(items(ROWS), List.of("t0.hprof", "t1.hprof", "t2.hprof"), new Navigator());
        stage.setScene(new Scene(new ClassDiffView(model), 1280, 800));
        stage.show();
    }

    static List<ClassDiffItem> items(int count) {
        Random random = new Random(42);
        String[] packages = {"com.example.app", "com.example.app.cache", "java.util", "java.util.concurrent",
            "org.acme.web", "org.acme.web.session"};
        List<ClassDiffItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long[] instances = new long[3];
            long[] shallow = new long[3];
            long[] retained = new long[3];
            long base = random.nextInt(10_000);
            for (int s = 0; s < 3; s++) {
                instances[s] = Math.max(0, base + random.nextInt(2_000) - 900 + s * random.nextInt(50));
                shallow[s] = instances[s] * 24;
                retained[s] = shallow[s] * (1 + random.nextInt(8));
            }
            String name = packages[i % packages.length] + ".Class" + i;
            items.add(new ClassDiffItem(name, name, instances, shallow, retained, new boolean[] {true, true, true},
                    "flat"));
        }
        return items;
    }

    @Test
    void fiftyThousandRowsSortAndFilterWithoutVisibleLag(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ClassDiffItem> table = robot.lookup("#classTable").queryAs(TableView.class);
        // The rows join the table a pulse after the view is shown.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertEquals(ROWS, table.getItems().size());

        robot.moveTo(header(robot, "countColumn-1"));
        long sortStarted = System.nanoTime();
        robot.clickOn(header(robot, "countColumn-1"));
        WaitForAsyncUtils.waitForFxEvents();
        long sortMillis = (System.nanoTime() - sortStarted) / 1_000_000;
        TableColumn<ClassDiffItem, ?> sortedBy = table.getSortOrder().get(0);
        assertEquals("countColumn-1", sortedBy.getId());
        assertOrdered(table.getItems(), Comparator.comparingLong(item -> item.count(1)));

        robot.moveTo(header(robot, "countColumn-1"));
        long sortAgainStarted = System.nanoTime();
        robot.clickOn(header(robot, "countColumn-1"));
        WaitForAsyncUtils.waitForFxEvents();
        long sortDescendingMillis = (System.nanoTime() - sortAgainStarted) / 1_000_000;
        assertOrdered(table.getItems(), Comparator.comparingLong((ClassDiffItem item) -> item.count(1)).reversed());

        long filterMillis = timed(robot, () -> model.filterTextProperty().set("Class12"));
        assertTrue(table.getItems().stream().allMatch(item -> item.name().contains("Class12")));
        assertTrue(table.getItems().size() > 100 && table.getItems().size() < ROWS);
        long regexMillis = timed(robot, () -> {
            model.filterModeProperty().set(FilterMode.REGEX);
            model.filterTextProperty().set("cache\\.Class[0-9]*7$");
        });
        assertTrue(table.getItems().stream().allMatch(item -> item.name().matches(".*cache\\.Class[0-9]*7")));
        long packageMillis = timed(robot, () -> {
            model.filterModeProperty().set(FilterMode.PACKAGE);
            model.filterTextProperty().set("org.acme.web");
            model.onlyGrowingProperty().set(true);
        });
        assertTrue(table.getItems().stream().allMatch(item -> item.packageName().startsWith("org.acme.web")
                && item.grows()));
        long clearMillis = timed(robot, () -> {
            model.onlyGrowingProperty().set(false);
            model.filterTextProperty().set("");
        });
        assertEquals(ROWS, table.getItems().size());

        long[] listOnly = listOperationMillis();
        System.out.println("50,000-row list operations alone: sort " + listOnly[0] + " ms, filter " + listOnly[1]
                + " ms, regex " + listOnly[2] + " ms");
        System.out.println("50,000-row class table: sort " + sortMillis + " ms, reverse sort " + sortDescendingMillis
                + " ms, name filter " + filterMillis + " ms, regex filter " + regexMillis + " ms, package + growing "
                + packageMillis + " ms, clear filter " + clearMillis + " ms (each until the FX thread is idle)");
        for (long millis : listOnly) {
            assertTrue(millis < LIST_LIMIT_MILLIS, "list operation took " + millis + " ms");
        }
        for (long millis : new long[] {sortMillis, sortDescendingMillis, filterMillis, regexMillis, packageMillis,
            clearMillis}) {
            assertTrue(millis < TABLE_LIMIT_MILLIS, "table update took " + millis + " ms");
        }
    }

    /**
     * Opening the table as the app does: its view-model made on a worker thread (the load's), then the
     * view made and shown on the FX thread, while a probe posts a task to the FX thread every 5 ms and
     * records how long each waited, until the table shows rows.
     */
    @Test
    void fiftyThousandRowsOpenWithoutBlockingTheFxThread(FxRobot robot) throws Exception {
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.atomic.AtomicLong longestWait = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong samples = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread probe = new Thread(() -> {
            while (!stop.get()) {
                long posted = System.nanoTime();
                java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                javafx.application.Platform.runLater(() -> {
                    longestWait.accumulateAndGet((System.nanoTime() - posted) / 1_000_000, Math::max);
                    samples.incrementAndGet();
                    ran.countDown();
                });
                try {
                    ran.await();
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-thread-probe");
        probe.setDaemon(true);
        try {
            ClassDiffViewModel prepared = worker.submit(() -> ClassDiffViewModel.ofItems(items(ROWS),
                    List.of("t0.hprof", "t1.hprof", "t2.hprof"), new Navigator())).get();
            probe.start();
            Thread.sleep(50);
            javafx.application.Platform.runLater(() -> stage.getScene().setRoot(new ClassDiffView(prepared)));
            WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> robot
                    .lookup("#classTable .table-row-cell").queryAll().stream()
                    .anyMatch(row -> row instanceof javafx.scene.control.TableRow<?> tableRow
                            && tableRow.getItem() != null));
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        } finally {
            stop.set(true);
            probe.join();
            worker.shutdown();
        }
        @SuppressWarnings("unchecked")
        TableView<ClassDiffItem> table = robot.lookup("#classTable").queryAs(TableView.class);
        assertEquals(ROWS, table.getItems().size());
        assertOrdered(table.getItems(), ClassDiffViewModel.LARGEST_RETAINED_GROWTH_FIRST);
        System.out.println("50,000-row class table opened: longest FX thread wait " + longestWait.get() + " ms ("
                + samples.get() + " samples)");
        assertTrue(samples.get() > 5, "the probe ran while the table opened: " + samples.get());
        assertTrue(longestWait.get() < OPENING_LIMIT_MILLIS, "FX thread blocked " + longestWait.get() + " ms");
    }

    /** The FilteredList/SortedList work alone, on a second view-model with no table attached. */
    private static long[] listOperationMillis() {
        ClassDiffViewModel warmUp = ClassDiffViewModel.ofItems(items(5_000), List.of("t0", "t1", "t2"), new Navigator());
        for (int i = 0; i < 3; i++) {
            warmUp.rows().setComparator(Comparator.comparingLong((ClassDiffItem item) -> item.count(1)).reversed());
            warmUp.rows().setComparator(Comparator.comparingLong((ClassDiffItem item) -> item.count(2)));
            warmUp.filterTextProperty().set("Class1" + i);
        }
        ClassDiffViewModel lists = ClassDiffViewModel.ofItems(items(ROWS), List.of("t0", "t1", "t2"), new Navigator());
        long started = System.nanoTime();
        lists.rows().setComparator(Comparator.comparingLong((ClassDiffItem item) -> item.count(1)).reversed());
        long sort = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        lists.filterTextProperty().set("Class12");
        long filter = (System.nanoTime() - started) / 1_000_000;
        lists.filterModeProperty().set(FilterMode.REGEX);
        started = System.nanoTime();
        lists.filterTextProperty().set("cache\\.Class[0-9]*7$");
        long regex = (System.nanoTime() - started) / 1_000_000;
        assertTrue(lists.rows().size() > 0 && lists.rows().size() < ROWS);
        return new long[] {sort, filter, regex};
    }

    private static long timed(FxRobot robot, Runnable change) {
        long started = System.nanoTime();
        robot.interact(change);
        WaitForAsyncUtils.waitForFxEvents();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static javafx.scene.Node header(FxRobot robot, String columnId) {
        return robot.lookup(".column-header").match(node -> node instanceof TableColumnHeader column
                && column.getTableColumn() != null && columnId.equals(column.getTableColumn().getId())).query();
    }

    private static void assertOrdered(List<ClassDiffItem> rows, Comparator<ClassDiffItem> order) {
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(order.compare(rows.get(i - 1), rows.get(i)) <= 0, "rows " + (i - 1) + " and " + i);
        }
    }
}
