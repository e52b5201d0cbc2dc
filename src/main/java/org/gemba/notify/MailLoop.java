package org.gemba.notify;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the delivery worker every {@code pollInterval} (or at once when woken) and the notice
 * scheduler every {@code schedulerInterval}, on one background thread of this server. Stopping
 * lets a batch in progress finish, up to a grace period; whatever is left keeps its lease and is
 * taken up again when the lease runs out.
 */
public class MailLoop implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(MailLoop.class);
    private static final long STOP_GRACE_SECONDS = 10;

    private final DeliveryWorker worker;
    private final NoticeScheduler scheduler;
    private final Duration pollInterval;
    private final Duration schedulerInterval;
    private ScheduledExecutorService executor;

    public MailLoop(DeliveryWorker worker, NoticeScheduler scheduler, Duration pollInterval, Duration schedulerInterval) {
        this.worker = worker;
        this.scheduler = scheduler;
        this.pollInterval = pollInterval;
        this.schedulerInterval = schedulerInterval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gemba-mail");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::deliver, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::schedule, schedulerInterval.toMillis(), schedulerInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Delivers now rather than at the next poll. */
    public synchronized void wake() {
        if (executor != null && !executor.isShutdown()) {
            executor.execute(this::deliver);
        }
    }

    @Override
    public synchronized void stop() throws InterruptedException {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        if (!executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            executor.shutdownNow();
            executor.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        }
        executor = null;
    }

    public synchronized boolean running() {
        return executor != null && !executor.isShutdown();
    }

    // a failure (database down...) is logged and retried at the next tick: anything thrown out of a
    // periodic task would silently cancel it for good
    private void deliver() {
        try {
            worker.drain();
        } catch (Throwable e) {
            LOG.error("mail: delivery run failed", e);
        }
    }

    private void schedule() {
        try {
            if (scheduler.runOnce() > 0) {
                worker.drain();
            }
        } catch (Throwable e) {
            LOG.error("notices: scheduler run failed", e);
        }
    }
}
