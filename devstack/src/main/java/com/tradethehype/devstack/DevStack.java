package com.tradethehype.devstack;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jboss.logging.Logger;

/**
 * Starts the local infrastructure in one JVM: PostgreSQL, ElasticMQ with the project's queues, and GreenMail
 * writing mail into an outbox folder. Ports and folders come from environment variables (defaults shown by
 * {@code --help}); {@code TTH_DB_HOST} points it at an existing PostgreSQL instead of the embedded one.
 */
public final class DevStack {

    private static final Logger LOG = Logger.getLogger(DevStack.class);
    /** Printed once everything answers; launchers wait for this line. */
    public static final String READY = "devstack ready";

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            LOG.info(usage());
            return;
        }
        Path home = Path.of(env("TTH_HOME", ".tth")).toAbsolutePath();
        Set<String> parts = Set.of(env("TTH_PARTS", "postgres,sqs,smtp").split("\\s*,\\s*"));
        String dbHost = System.getenv("TTH_DB_HOST");
        int dbPort = Integer.parseInt(env("TTH_DB_PORT", "5433"));

        Postgres postgres = !parts.contains("postgres") ? null : dbHost == null || dbHost.isBlank()
                ? Postgres.embedded(dbPort, home.resolve("pgdata"))
                : Postgres.existing(dbHost, dbPort);
        Path queues = env("TTH_SQS_PERSIST", "true").equals("false") ? null : home.resolve("sqs");
        Sqs sqs = parts.contains("sqs") ? Sqs.start(Integer.parseInt(env("TTH_SQS_PORT", "9324")), queues) : null;
        Smtp smtp = parts.contains("smtp")
                ? Smtp.start(Integer.parseInt(env("TTH_SMTP_PORT", "3025")), home.resolve("outbox")) : null;
        String replay = System.getenv("TTH_REPLAY_DIR");
        FeedServer feeds = replay == null || replay.isBlank() ? null
                : FeedServer.serve(Path.of(replay), Integer.parseInt(env("TTH_REPLAY_PORT", "9400")));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable part : new AutoCloseable[] {feeds, smtp, sqs, postgres}) {
                if (part != null) {
                    closeQuietly(part);
                }
            }
            stopped.countDown();
        }, "devstack-shutdown"));

        if (postgres != null) {
            LOG.infof("PostgreSQL  %s (%s, user %s)", postgres.jdbcUrl(), postgres.isEmbedded() ? "embedded, data in "
                    + home.resolve("pgdata") : "existing server", Postgres.USER);
        }
        if (sqs != null) {
            LOG.infof("SQS         %s (ElasticMQ; queues %s and their -dlq twins; messages %s)", sqs.endpoint(),
                    String.join(", ", com.tradethehype.contracts.Queues.workQueues()),
                    queues == null ? "in memory" : "kept in " + queues);
        }
        if (smtp != null) {
            LOG.infof("SMTP        localhost:%d (GreenMail; every mail saved as .eml in %s)", smtp.port(), smtp.outbox());
        }
        if (feeds != null) {
            LOG.infof("Feeds       %s (recorded feeds from %s)", feeds.baseUrl(), replay);
        }
        LOG.info(READY);
        stopped.await();
    }

    private static String usage() {
        return """
                devstack: local PostgreSQL + SQS (ElasticMQ) + SMTP (GreenMail) for TradeTheHype
                  TTH_HOME        folder for PostgreSQL data, queues and the outbox (default .tth)
                  TTH_PARTS       which servers to start: postgres,sqs,smtp        (default all three)
                  TTH_SQS_PERSIST false keeps queued messages in memory only        (default true: in TTH_HOME/sqs)
                  TTH_DB_HOST     use this PostgreSQL instead of the embedded one  (default: embedded)
                  TTH_DB_PORT     PostgreSQL port                                   (default 5433)
                  TTH_SQS_PORT    SQS API port                                      (default 9324)
                  TTH_SMTP_PORT   SMTP port                                         (default 3025)
                  TTH_REPLAY_DIR  serve this folder of recorded feeds over HTTP     (default: off)
                  TTH_REPLAY_PORT port of that feed server                          (default 9400)""";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warnf("Stopping %s: %s", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }
}
