package dev.heapdelta.app.leaks.library;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Schedules a retry per failed payment an hour ahead and never cancels them: its delayed-work queue grows. */
final class PaymentGateway {
    static final PaymentGateway INSTANCE = new PaymentGateway();

    final ScheduledThreadPoolExecutor retryTimers = new ScheduledThreadPoolExecutor(1);

    void scheduleRetry(int payment) {
        Payload payload = Payload.of(payment);
        retryTimers.schedule(() -> payload.bytes().clone(), 1, TimeUnit.HOURS);
    }
}
