package com.tradethehype.digest.service;

import com.tradethehype.digest.config.DigestConfig;
import com.tradethehype.digest.signal.DigestWindow;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Sends the daily digest at {@code digest.cron} in {@code digest.zone} (06:30 America/Phoenix = 13:30 UTC). */
@ApplicationScoped
public class DigestSchedule {

    public static final String IDENTITY = "daily-digest";

    private final DigestSender sender;
    private final DigestConfig config;

    public DigestSchedule(DigestSender sender, DigestConfig config) {
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(identity = IDENTITY, cron = "${digest.cron}", timeZone = "${digest.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        var date = DigestWindow.dayAt(Instant.now(), config.windowEnd(), config.zone());
        Log.infof("Daily digest for %s starting", date);
        sender.send(date);
    }
}
