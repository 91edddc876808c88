package dev.heapdelta.app.leaks.library;

import java.util.Timer;
import java.util.TimerTask;

/** Schedules a reminder per user on a {@link Timer}, an hour ahead: the timer's task queue grows. */
final class ReminderService {
    static final Timer TIMER = new Timer("reminders", true);

    static void remind(int user) {
        TIMER.schedule(new Reminder(Payload.of(user)), 3_600_000L);
    }

    /** A timer task holding what it would send. */
    static final class Reminder extends TimerTask {
        private final Payload payload;

        Reminder(Payload payload) {
            this.payload = payload;
        }

        @Override
        public void run() {
            payload.bytes().clone();
        }
    }
}
