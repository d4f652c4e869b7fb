package com.tradethehype.ingest.health;

import static com.tradethehype.ingest.AdminRequests.asAdmin;
import static com.tradethehype.ingest.FeedFixturesTestResource.XXE;
import static com.tradethehype.ingest.FeedFixturesTestResource.YAHOO;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.tradethehype.contracts.Queues;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness: database, queue and sources, with the real infrastructure running. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class HealthTest {

    @Inject
    IngestTestSupport support;

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    @Test
    void isReadyWhenDatabaseAndQueueAnswer() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'sqs' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'sqs' }.data.queue", equalTo(Queues.ARTICLES_INGESTED))
                .body("checks.find { it.name == 'sqs' }.data.depth", greaterThanOrEqualTo(0))
                .body("checks.find { it.name == 'sources' }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void sourcesCheckGoesDownAfterThreeFailedPollsInARowOfOneSource() {
        for (int i = 1; i <= 2; i++) {
            asAdmin().when().post("/sources/{name}/poll", XXE).then().statusCode(200).body("status", equalTo("FAILED"));
        }
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'sources' }.data." + XXE, equalTo(2));

        asAdmin().when().post("/sources/{name}/poll", XXE).then().statusCode(200);
        asAdmin().when().post("/sources/{name}/poll", YAHOO).then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'sources' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'sources' }.data." + XXE, equalTo(3))
                .body("checks.find { it.name == 'sources' }.data.down", equalTo(XXE))
                .body("checks.find { it.name == 'sources' }.data.'" + YAHOO + "'", equalTo(0))
                .body("checks.find { it.name == 'sqs' }.status", equalTo("UP"));
    }
}
