package com.tradethehype.digest;

import com.tradethehype.digest.messaging.ScoredQueueDrain;
import com.tradethehype.digest.service.DigestSender;
import com.tradethehype.digest.service.SendReport;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Runs the service, or with {@code send-digest [--date YYYY-MM-DD]} does one digest and exits (the scale-to-zero
 * deployment's scheduled task): drain {@code tth-articles-scored}, compute the day, mail whoever lacks it.
 * Exit codes: 0 every active subscriber has the mail; 1 some are left unsent; 2 bad arguments; 3 the day had
 * no scored articles (nothing was mailed, an alert was raised).
 */
@QuarkusMain
public class DigestMain implements QuarkusApplication {

    public static final String SEND_DIGEST = "send-digest";

    @Inject
    ScoredQueueDrain drain;
    @Inject
    DigestSender sender;
    @Inject
    com.tradethehype.digest.config.DigestConfig config;

    public static void main(String... args) {
        if (args.length > 0 && SEND_DIGEST.equals(args[0])) {
            // one-shot: no continuous consumer, no schedule, and no fixed port that a running service holds
            System.setProperty("digest.consumer.enabled", "false");
            System.setProperty("quarkus.scheduler.enabled", "false");
            System.setProperty("quarkus.http.port", "0");
        }
        Quarkus.run(DigestMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0 || !SEND_DIGEST.equals(args[0])) {
            Quarkus.waitForExit();
            return 0;
        }
        LocalDate date;
        try {
            date = date(args, java.time.Instant.now(), config.windowEnd(), config.zone());
        } catch (IllegalArgumentException e) {
            System.err.println("send-digest: " + e.getMessage());
            System.err.println("usage: send-digest [--date YYYY-MM-DD]");
            return 2;
        }
        drain.drain();
        SendReport report = sender.send(date);
        String line = "send-digest " + report.date() + ": " + report.status() + ", " + report.sent() + " sent, "
                + report.unsent() + " unsent";
        System.out.println(line);
        Log.info(line);
        if ("NO_DATA".equals(report.status())) {
            return 3;
        }
        return report.unsent() > 0 ? 1 : 0;
    }

    /** The digest day {@code args} name: {@code --date D}, or the latest digest day at {@code now}. */
    static LocalDate date(String[] args, java.time.Instant now, java.time.LocalTime at, java.time.ZoneId zone) {
        if (args.length == 1) {
            return com.tradethehype.digest.signal.DigestWindow.dayAt(now, at, zone);
        }
        if (args.length == 3 && "--date".equals(args[1])) {
            try {
                return LocalDate.parse(args[2]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--date must be YYYY-MM-DD, was '" + args[2] + "'");
            }
        }
        throw new IllegalArgumentException("unexpected arguments");
    }
}
