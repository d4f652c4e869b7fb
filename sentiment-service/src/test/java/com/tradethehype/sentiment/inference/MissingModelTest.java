package com.tradethehype.sentiment.inference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A model that cannot load makes the service DOWN and unable to score; nothing else is substituted. Health and the
 * 503 say why in words; the path and the exception class stay in the log.
 */
@QuarkusTest
@TestProfile(MissingModelTest.MissingModel.class)
class MissingModelTest {

    /** Points the service at a directory that does not exist. */
    public static class MissingModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sentiment.model.location", "target/no-such-model");
        }
    }

    @Inject
    SentimentModel model;

    @Test
    void reportsDownWithACleanReasonAndRefusesToScore() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> model.state() == SentimentModel.State.FAILED);
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'sentiment model' }.data.error",
                        allOf(containsString("does not exist"), not(containsString("no-such-model")),
                                not(containsString("Exception"))));
        given().contentType("application/json").body("{\"texts\": [\"Apple beats estimates\"]}")
                .when().post("/score")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", allOf(containsString("model failed to load"), containsString("does not exist"),
                        not(containsString("target/")), not(containsString("Exception"))));
    }
}
