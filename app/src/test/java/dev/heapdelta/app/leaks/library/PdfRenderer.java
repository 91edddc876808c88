package dev.heapdelta.app.leaks.library;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Keeps every page buffer in a per-thread list of a pool thread that never dies: a ThreadLocal leak. */
final class PdfRenderer {
    static final int THREADS = 4;
    static final ThreadLocal<List<byte[]>> BUFFERS = ThreadLocal.withInitial(ArrayList::new);
    static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS);

    /** Every pool thread gets its list before any page is rendered, so that all of them hold some. */
    static void startEveryThread() throws Exception {
        CyclicBarrier allStarted = new CyclicBarrier(THREADS);
        List<Future<?>> started = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            started.add(POOL.submit(() -> {
                BUFFERS.get();
                allStarted.await();
                return null;
            }));
        }
        for (Future<?> future : started) {
            future.get();
        }
    }

    static void render(int pages) throws Exception {
        List<Future<?>> rendered = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            rendered.add(POOL.submit(() -> BUFFERS.get().add(new byte[64])));
        }
        for (Future<?> future : rendered) {
            future.get();
        }
    }
}
