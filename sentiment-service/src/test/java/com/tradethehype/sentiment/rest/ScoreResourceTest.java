package com.tradethehype.sentiment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.tradethehype.sentiment.inference.SentimentModel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /score over HTTP, and the 400s for what it refuses. */
@QuarkusTest
class ScoreResourceTest {

    @Inject
    SentimentModel model;

    @BeforeEach
    void modelIsReady() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> model.state() == SentimentModel.State.READY);
    }

    @Test
    void scoresTextsInRequestOrderAndNamesTheModel() {
        given().contentType("application/json")
                .body("{\"texts\": [\"Apple beats estimates\", \"\", \"Ford recalls trucks\"]}")
                .when().post("/score")
                .then().statusCode(200)
                .body("model.id", equalTo("tth-tiny-random"))
                .body("model.version", equalTo("1"))
                .body("results", hasSize(3))
                .body("results[0].label", org.hamcrest.Matchers.oneOf("positive", "negative", "neutral"));
    }

    @Test
    void rejectsAnEmptyListWithAProblem() {
        given().contentType("application/json").body("{\"texts\": []}")
                .when().post("/score")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", equalTo("texts must list at least one text"));
    }

    @Test
    void rejectsANullTextWithAProblem() {
        given().contentType("application/json").body("{\"texts\": [\"ok\", null]}")
                .when().post("/score")
                .then().statusCode(400)
                .body("detail", containsString("must not contain null"));
    }

    @Test
    void rejectsMalformedJsonWithoutAStackTrace() {
        given().contentType("application/json").body("{\"texts\": [\"unterminated")
                .when().post("/score")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("Exception")));
    }

    @Test
    void rejectsAMissingBody() {
        given().contentType("application/json")
                .when().post("/score")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void isReadyOnlyWithTheModelAnswering() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'sentiment model' }.data.model", equalTo("tth-tiny-random@1"));
    }

    @Test
    void refusesMoreTextsThanTheCapNamingTheField() {
        String texts = String.join(",", java.util.Collections.nCopies(257, "\"Apple beats estimates\""));
        given().contentType("application/json").body("{\"texts\": [" + texts + "]}")
                .when().post("/score")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("texts must list at most 256 texts, was 257"));
    }

    @Test
    void refusesATextOverTheCharacterCapBeforeTokenisingIt() {
        String longText = "Apple beats estimates. ".repeat(435); // 10,005 characters
        given().contentType("application/json").body(java.util.Map.of("texts", java.util.List.of("ok", longText)))
                .when().post("/score")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("texts[1] must have at most 10000 characters, had " + longText.length()));
        given().contentType("application/json")
                .body(java.util.Map.of("texts", java.util.List.of(longText.substring(0, 10_000))))
                .when().post("/score")
                .then().statusCode(200).body("results", hasSize(1));
    }

    @Test
    void refusesABodyOverOneMegabyteWith413ProblemBeforeReadingIt() {
        String huge = "{\"texts\": [\"" + "x".repeat(1_100_000) + "\"]}";
        given().contentType("application/json").body(huge)
                .when().post("/score")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", equalTo("the request body must be at most 1048576 bytes"));
    }
}
