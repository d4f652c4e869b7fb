package com.tradethehype.digest;

import static com.tradethehype.digest.AdminRequests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.digest.service.DigestDays;
import com.tradethehype.digest.service.DigestSchedule;
import com.tradethehype.digest.service.DigestSender;
import com.tradethehype.digest.service.SendReport;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The morning mail, read back from a real SMTP server (GreenMail), with deliveries in real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(MailServerResource.class)
class DigestMailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    DigestSender sender;
    @Inject
    DigestDays days;
    @Inject
    Scheduler scheduler;

    private static Instant end(LocalDate date) {
        return date.atTime(13, 30).toInstant(ZoneOffset.UTC);
    }

    private static String email() {
        return "sub-" + UUID.randomUUID() + "@example.com";
    }

    private long subscribe(String email, String... watchlist) {
        String list = String.join("\",\"", watchlist);
        return asAdmin().contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"watchlist\":[" + (watchlist.length == 0 ? "" : "\"" + list + "\"")
                        + "]}")
                .when().post("/subscribers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A bullish day for a fresh ticker: 4 articles from 3 sources, one with a hostile headline. */
    private String bullishDay(LocalDate date) {
        Seed seed = new Seed(pool);
        String ticker = Seed.ticker();
        Instant end = end(date);
        seed.article(ticker, "yahoo", end.minusSeconds(100), 0.95, 0.01, "<script>alert(1)</script> " + ticker
                + " soars & more", null);
        String undated = seed.article(ticker, "reddit", end.minusSeconds(200), 0.80, 0.05, ticker + " beats estimates",
                "Bullish");
        pool.preparedQuery("UPDATE digest.article SET undated = true WHERE article_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(undated)).await().atMost(java.time.Duration.ofSeconds(10));
        seed.article(ticker, "google", end.minusSeconds(300), 0.70, 0.10, ticker + " upgraded", null);
        seed.article(ticker, "google", end.minusSeconds(400), 0.60, 0.10, ticker + " steady", null);
        return ticker;
    }

    @Test
    void sendsEachSubscriberOneDigestWithBothPartsLinksTheModelAndEscapedHeadlines() throws Exception {
        LocalDate date = LocalDate.parse("2004-01-10");
        String ticker = bullishDay(date);
        String email = email();
        long id = subscribe(email, ticker, "WATCHX");
        String inactive = email();
        long inactiveId = subscribe(inactive);
        asAdmin().contentType("application/json").body("{\"active\":false}").when().put("/subscribers/" + inactiveId)
                .then().statusCode(200).body("active", equalTo(false));

        SendReport report = sender.send(date);
        assertTrue(report.complete(), report.toString());
        List<MimeMessage> mails = MailServerResource.to(email);
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        assertTrue(mail.getSubject().startsWith("TradeTheHype 2004-01-10: "), mail.getSubject());
        assertTrue(mail.getSubject().contains("1 bullish"), mail.getSubject());
        assertEquals("<digest-2004-01-10-" + id + "@tradethehype.local>", mail.getHeader("Message-ID")[0]);
        assertNotNull(mail.getHeader("List-Unsubscribe"));

        String html = Mails.html(mail);
        String text = Mails.text(mail);
        assertNotNull(html, "an HTML part");
        assertNotNull(text, "a plain-text part");
        assertFalse(html.contains("<script>"), "no markup from a feed reaches the HTML");
        assertFalse(html.toLowerCase().contains("<script"), "and no script at all");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; " + ticker + " soars &amp; more"), html);
        assertTrue(html.contains("href=\"https://news.example.com/"), "headline links");
        assertTrue(html.contains("Top bullish"));
        assertTrue(html.contains("Scored by tth-test-model v1"), "the footer names the model");
        assertTrue(html.contains("Your watchlist") && html.contains("WATCHX"), "the watchlist section");
        assertTrue(text.contains(ticker + " (BULLISH"), text);
        assertTrue(text.contains("WATCHX: no mentions in the last 24 hours."), text);
        assertTrue(text.contains("authors 100 % bullish (1 tagged)"), text);
        assertTrue(text.contains(ticker + " beats estimates (reddit, undated, score +0.75)"), "an undated item says so: " + text);
        assertTrue(text.contains("Scored by tth-test-model v1. Based on "), text);
        assertTrue(MailServerResource.to(inactive).isEmpty(), "an inactive subscriber gets nothing");

        Matcher link = Pattern.compile("http://[^/]+(/unsubscribe\\?token=([A-Za-z0-9_.-]+))").matcher(text);
        assertTrue(link.find(), text);
        String token = link.group(2);
        String tampered = token.substring(0, 2) + (token.charAt(2) == 'A' ? 'B' : 'A') + token.substring(3);
        given().queryParam("token", tampered).when().get("/unsubscribe").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("invalid or expired"));
        given().when().get("/subscribers/" + id).then().body("active", equalTo(true));
        given().queryParam("token", token).when().get("/unsubscribe").then().statusCode(200)
                .body(containsString("You are unsubscribed"));
        given().when().get("/subscribers/" + id).then().body("active", equalTo(false));

        sender.send(date);
        assertEquals(1, MailServerResource.to(email).size(), "a re-run sends nothing twice");
        given().when().get("/digests/" + date).then().statusCode(200).body("status", equalTo("READY"))
                .body("html", containsString("Top bullish")).body("text", containsString(ticker))
                .body("deliveries.sent", equalTo(report.sent()));
    }

    @Test
    void aQuietDayIsMailedAsQuiet() throws Exception {
        LocalDate date = LocalDate.parse("2004-02-10");
        Seed seed = new Seed(pool);
        seed.article(Seed.ticker(), "yahoo", end(date).minusSeconds(100), 0.4, 0.3);
        seed.article(Seed.ticker(), "yahoo", end(date).minusSeconds(200), 0.4, 0.3);
        String email = email();
        subscribe(email);
        assertEquals(DigestDays.QUIET, sender.send(date).status());
        MimeMessage mail = MailServerResource.to(email).stream()
                .filter(m -> subject(m).startsWith("TradeTheHype 2004-02-10")).findFirst().orElseThrow();
        assertEquals("TradeTheHype 2004-02-10: a quiet day (2 articles, no signal)", mail.getSubject());
        assertTrue(Mails.text(mail).contains("A quiet day"), Mails.text(mail));
    }

    @Test
    void aDayWithoutScoredArticlesIsNotMailedButAlerted() throws Exception {
        LocalDate date = LocalDate.parse("2004-03-10");
        String email = email();
        subscribe(email);
        SendReport report = sender.send(date);
        assertEquals(DigestDays.NO_DATA, report.status());
        assertEquals(0, report.sent());
        assertTrue(MailServerResource.to(email).stream().noneMatch(m -> subject(m).contains("2004-03-10")),
                "no digest pretends the day was normal");
        MimeMessage alert = MailServerResource.to("ops@tradethehype.test").stream()
                .filter(m -> subject(m).contains("no digest for 2004-03-10")).findFirst().orElseThrow();
        assertTrue(Mails.text(alert) == null ? alert.getContent().toString().contains("no scored article")
                : Mails.text(alert).contains("no scored article"));
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'digest' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'digest' }.data.alert", containsString("2004-03-10"));
        bullishDay(LocalDate.parse("2004-03-11"));
        assertTrue(sender.send(LocalDate.parse("2004-03-11")).complete());
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'digest' }.status", equalTo("UP"));
    }

    @Test
    void aSenderThatDiesMidSendLeavesOnlyItsSubscriberAndARerunSendsJustThat() throws Exception {
        LocalDate date = LocalDate.parse("2004-04-10");
        bullishDay(date);
        String a = email();
        String b = email();
        String c = email();
        subscribe(a);
        long bId = subscribe(b);
        subscribe(c);
        days.ensure(date).await().atMost(WAIT);
        pool.preparedQuery("INSERT INTO digest.delivery (digest_date, subscriber_id, message_id) VALUES ($1, $2, 'x')")
                .execute(Tuple.of(date, bId)).await().atMost(WAIT);
        // another sender is mid-send for b: it holds b's row lock, then dies (its transaction never commits)
        SqlConnection crashed = pool.getConnection().await().atMost(WAIT);
        Transaction tx = crashed.begin().await().atMost(WAIT);
        crashed.preparedQuery("SELECT 1 FROM digest.delivery WHERE digest_date = $1 AND subscriber_id = $2 FOR UPDATE")
                .execute(Tuple.of(date, bId)).await().atMost(WAIT);

        SendReport first = sender.send(date);
        assertTrue(first.pending() >= 1, first.toString());
        assertEquals(1, MailServerResource.to(a).size());
        assertEquals(0, MailServerResource.to(b).size(), "b is held by the dead sender");
        assertEquals(1, MailServerResource.to(c).size());

        tx.rollback().await().atMost(WAIT);
        crashed.close().await().atMost(WAIT);
        SendReport second = sender.send(date);
        assertTrue(second.complete(), second.toString());
        assertEquals(1, MailServerResource.to(a).size(), "no duplicate for a");
        assertEquals(1, MailServerResource.to(b).size(), "b gets exactly the missing mail");
        assertEquals(1, MailServerResource.to(c).size(), "no duplicate for c");
    }

    @Test
    void twoSendersAtOnceMailEachSubscriberOnce() throws Exception {
        LocalDate date = LocalDate.parse("2004-05-10");
        bullishDay(date);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            emails.add(email());
            subscribe(emails.get(i));
        }
        var one = CompletableFuture.supplyAsync(() -> sender.send(date));
        var two = CompletableFuture.supplyAsync(() -> sender.send(date));
        one.get();
        two.get();
        for (String email : emails) {
            assertEquals(1, MailServerResource.to(email).stream()
                    .filter(m -> subject(m).startsWith("TradeTheHype 2004-05-10")).count(), email);
        }
    }

    @Test
    void whileTheMailServerIsDownSendsAreRetriedAndRecorded() throws Exception {
        LocalDate date = LocalDate.parse("2004-06-10");
        bullishDay(date);
        String email = email();
        long id = subscribe(email);
        days.ensure(date).await().atMost(WAIT);
        MailServerResource.stopServer();
        try {
            var run = CompletableFuture.supplyAsync(() -> sender.send(date));
            Thread.sleep(1_000);
            MailServerResource.startAgain();
            assertTrue(run.get().complete(), run.get().toString());
        } finally {
            MailServerResource.startAgain();
        }
        assertEquals(1, MailServerResource.to(email).size());
        var row = pool.preparedQuery("SELECT status, attempts FROM digest.delivery WHERE digest_date = $1 "
                + "AND subscriber_id = $2").execute(Tuple.of(date, id)).await().atMost(WAIT).iterator().next();
        assertEquals("SENT", row.getString(0));
        assertTrue(row.getInteger(1) >= 2, "attempts " + row.getInteger(1));
    }

    @Test
    void theDailyDigestIsScheduledAt0630PhoenixWhichIs1330Utc() {
        Instant next = scheduler.getScheduledJob(DigestSchedule.IDENTITY).getNextFireTime();
        var utc = next.atZone(ZoneOffset.UTC);
        assertEquals(13, utc.getHour());
        assertEquals(30, utc.getMinute());
        assertTrue(next.isAfter(Instant.now()) && next.isBefore(Instant.now().plus(Duration.ofHours(25))));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
