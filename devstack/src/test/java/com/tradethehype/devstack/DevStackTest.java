package com.tradethehype.devstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.contracts.Queues;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Each piece of devstack is a real server that does what the services rely on. */
class DevStackTest {

    @TempDir
    static Path home;
    static Postgres postgres;
    static Sqs sqs;
    static Smtp smtp;

    @BeforeAll
    static void start() throws Exception {
        postgres = Postgres.embedded(0, home.resolve("pgdata"));
        sqs = Sqs.start(0);
        smtp = Smtp.start(0, home.resolve("outbox"));
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.close();
        sqs.close();
        postgres.close();
    }

    @Test
    void postgresServesTheTthDatabase() throws Exception {
        try (var c = DriverManager.getConnection(postgres.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
             var rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
            assertTrue(rs.next());
            assertEquals("tth", rs.getString(1));
            assertTrue(rs.getString(2).startsWith("PostgreSQL"), rs.getString(2));
        }
    }

    @Test
    void createsEveryWorkQueueAndItsDeadLetterQueue() {
        try (SqsClient client = sqs.client()) {
            List<String> urls = client.listQueues().queueUrls();
            for (String queue : Queues.workQueues()) {
                assertTrue(urls.stream().anyMatch(u -> u.endsWith("/" + queue)), queue + " in " + urls);
                assertTrue(urls.stream().anyMatch(u -> u.endsWith("/" + Queues.deadLetterOf(queue))), urls.toString());
            }
        }
    }

    @Test
    void movesAMessageToTheDeadLetterQueueAfterFiveReceives() {
        try (SqsClient client = sqs.client()) {
            String url = client.getQueueUrl(b -> b.queueName(Queues.ARTICLES_SCORED)).queueUrl();
            String dlq = client.getQueueUrl(b -> b.queueName(Queues.deadLetterOf(Queues.ARTICLES_SCORED))).queueUrl();
            client.sendMessage(b -> b.queueUrl(url).messageBody("poison"));
            int receives = 0;
            for (int i = 0; i < 8; i++) {
                receives += client.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0).waitTimeSeconds(0))
                        .messages().size();
            }
            assertEquals(Queues.MAX_RECEIVES, receives);
            var dead = client.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages();
            assertEquals(1, dead.size());
            assertEquals("poison", dead.get(0).body());
        }
    }

    @Test
    void savesEveryReceivedMailAsAnEmlFile() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        MimeMessage mail = new MimeMessage(Session.getInstance(props));
        mail.setFrom(new InternetAddress("digest@tradethehype.local"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("ana@example.com"));
        mail.setSubject("Your TradeTheHype digest: NVDA hype spike");
        mail.setText("NVDA mentions 12x their 7-day baseline");
        Transport.send(mail);

        Path outbox = home.resolve("outbox");
        await().atMost(Duration.ofSeconds(10)).until(() -> emlFiles(outbox).size() == 1);
        Path eml = emlFiles(outbox).get(0);
        assertTrue(eml.getFileName().toString().endsWith("-your-tradethehype-digest-nvda-hype-spike.eml"), eml.toString());
        String content = Files.readString(eml);
        assertTrue(content.contains("To: ana@example.com"), content);
        assertTrue(content.contains("NVDA mentions 12x their 7-day baseline"), content);
    }

    private static List<Path> emlFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }
}
