package com.tradethehype.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** The one-shot command's exit codes, through the real main against real PostgreSQL, SQS and SMTP. */
@QuarkusMainTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(MailServerResource.class)
class SendDigestCommandTest {

    @Test
    @Launch(value = {"send-digest", "--date", "1998-07-04"}, exitCode = 3)
    void aDayWithoutScoredArticlesExitsThreeAndMailsNoDigest(LaunchResult result) {
        assertTrue(result.getOutput().contains("send-digest 1998-07-04: NO_DATA, 0 sent, 0 unsent"), result.getOutput());
        assertTrue(result.getOutput().contains("No digest was mailed for 1998-07-04"), "the alert is logged");
    }

    @Test
    void theDayIsTheOneGivenOrTheLatestDigestDayInPhoenix() {
        var at = java.time.LocalTime.of(6, 30);
        var zone = java.time.ZoneId.of("America/Phoenix");
        assertEquals(java.time.LocalDate.parse("2026-03-01"), DigestMain.date(new String[] {"send-digest", "--date",
                "2026-03-01"}, java.time.Instant.now(), at, zone));
        assertEquals(java.time.LocalDate.parse("2026-12-01"), DigestMain.date(new String[] {"send-digest"},
                java.time.Instant.parse("2026-12-01T13:30:00Z"), at, zone), "06:30 Phoenix is the new day");
        assertEquals(java.time.LocalDate.parse("2026-11-30"), DigestMain.date(new String[] {"send-digest"},
                java.time.Instant.parse("2026-12-01T13:29:59Z"), at, zone), "a second before, still yesterday's");
        var bad = assertThrows(IllegalArgumentException.class, () -> DigestMain.date(new String[] {"send-digest",
                "--date", "tomorrow"}, java.time.Instant.now(), at, zone));
        assertEquals("--date must be YYYY-MM-DD, was 'tomorrow'", bad.getMessage());
    }
}
