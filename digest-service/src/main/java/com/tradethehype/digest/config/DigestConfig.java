package com.tradethehype.digest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Business settings of digest-service. */
@ConfigMapping(prefix = "digest")
public interface DigestConfig {

    /** How the scored-article consumer reads its queue. */
    Consumer consumer();

    /** When the daily digest is made: Quartz-style cron read in {@link #zone()} (06:30 every day). */
    @WithDefault("0 30 6 * * ?")
    String cron();

    /** The digest's time zone: Arizona keeps UTC-7 all year, so 06:30 there is always 13:30 UTC. */
    @WithDefault("America/Phoenix")
    ZoneId zone();

    /** The end of each digest day's window (local time in {@link #zone()}); keep equal to the cron's time. */
    @WithDefault("06:30")
    LocalTime windowEnd();

    /** How often {@code tth-articles-scored-dlq} is looked into (depth metric, ERROR log with article ids). */
    @WithDefault("60s")
    Duration deadLetterCheck();

    /** Delay of the first look into the dead-letter queue after start-up. */
    @WithDefault("10s")
    Duration deadLetterDelay();

    /** When a ticker becomes a signal. */
    Signals signals();

    /** How the digest mail is built and sent. */
    Mail mail();

    /** Consumer settings. */
    interface Consumer {

        /** Start consuming at start-up; false leaves messages on the queue (e.g. for the one-shot digest command). */
        @WithDefault("true")
        boolean enabled();

        /** Most messages stored per batch. */
        @WithDefault("10")
        int batchSize();

        /** Longest a partial batch waits for more messages. */
        @WithDefault("1s")
        Duration maxWait();

        /** How long a received message stays hidden; a failed one is redelivered after it. */
        @WithDefault("30s")
        Duration visibilityTimeout();

        /** Deadline for each SQS call. */
        @WithDefault("10s")
        Duration sqsTimeout();
    }

    /** Signal thresholds; a ticker must pass the evidence minimums before any kind is considered. */
    interface Signals {

        /** Length of the digest window that ends at the digest time. */
        @WithDefault("24h")
        Duration window();

        /** Days of history the mention baseline uses. */
        @WithDefault("7")
        int baselineDays();

        /** Fewest days of history before a z-score is computed at all (below it: "building", no spikes). */
        @WithDefault("3")
        int minBaselineDays();

        /** Fewest distinct articles in the window for a ticker to be a signal. */
        @WithDefault("3")
        int minArticles();

        /** Fewest distinct sources in the window for a ticker to be a signal. */
        @WithDefault("2")
        int minSources();

        /** Mention z-score from which a ticker is a hype spike. */
        @WithDefault("3.0")
        double spikeZ();

        /** Floor on the baseline's standard deviation, so 0 -> 2 mentions is not "20 sigma". */
        @WithDefault("1.5")
        double minStd();

        /** Mean score (positive - negative) from which a ticker is bullish; its negative for bearish. */
        @WithDefault("0.2")
        double directionMean();

        /** Share of positive (negative) articles a bullish (bearish) ticker needs as well. */
        @WithDefault("0.5")
        double directionShare();

        /** Headlines kept with each signal as its evidence. */
        @WithDefault("3")
        int headlines();
    }

    /** Mail settings; the SMTP server itself is {@code quarkus.mailer.*}. */
    interface Mail {

        /** Most entries in each section of the mail. */
        @WithDefault("5")
        int perSection();

        /** Base URL of the one-click unsubscribe link (the public door that forwards to {@code /unsubscribe}). */
        @WithDefault("http://localhost:8083")
        String publicUrl();

        /** HMAC key that signs unsubscribe tokens; required outside dev and test (start-up fails without it). */
        Optional<String> unsubscribeSecret();

        /** How long an unsubscribe link stays valid. */
        @WithDefault("60d")
        Duration unsubscribeTtl();

        /** Where alerts go (a digest day without data, subscribers left unsent); unset = log only. */
        Optional<String> adminEmail();

        /** Mails sent in parallel; each holds one database row lock while its SMTP call runs. */
        @WithDefault("4")
        int concurrency();

        /** Deliveries one worker locks and sends per transaction; a crash re-sends at most these (same Message-ID). */
        @WithDefault("10")
        int claimBatch();

        /** Attempts per subscriber and day before the delivery is given up (and reported). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry of a failed send; doubled per attempt. */
        @WithDefault("30s")
        Duration retryBackoff();

        /** Longest one send run keeps retrying before it reports who is left unsent. */
        @WithDefault("10m")
        Duration runDeadline();

        /** Domain of the deterministic Message-ID ({@code <digest-DATE-SUBSCRIBER@domain>}). */
        @WithDefault("tradethehype.local")
        String messageIdDomain();
    }
}
