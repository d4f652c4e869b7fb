package com.tradethehype.ingest.rest;

import static com.tradethehype.ingest.AdminRequests.asAdmin;
import static com.tradethehype.ingest.AdminRequests.jwt;
import static com.tradethehype.ingest.FeedFixturesTestResource.PAUSED;
import static com.tradethehype.ingest.FeedFixturesTestResource.YAHOO;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding, deleting and polling sources need an admin credential; reading them does not. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class AdminEndpointsTest {

    @Inject
    IngestTestSupport support;

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    @Test
    void changesWithoutACredentialAre401ProblemsAndChangeNothing() {
        given().contentType(ContentType.JSON).body(Map.of("name", "sneaky", "url", "https://example.com/feed"))
                .when().post("/sources").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("detail", containsString("admin credential"));
        given().when().delete("/sources/{name}", YAHOO).then().statusCode(401);
        given().when().post("/sources/poll").then().statusCode(401);
        given().when().post("/sources/{name}/poll", YAHOO).then().statusCode(401);

        given().when().get("/sources").then().statusCode(200)
                .body("name", hasItem(YAHOO)).body("name", not(hasItem("sneaky")));
        given().when().get("/sources/{name}", YAHOO).then().statusCode(200).body("lastResult", equalTo(null));
    }

    @Test
    void aWrongTokenIs401AndAUserJwtIs403() {
        given().header("Authorization", "Bearer not-the-service-token-but-just-as-long-as-it")
                .when().delete("/sources/{name}", PAUSED).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("not valid"));
        given().header("Authorization", "Bearer " + jwt("user"))
                .when().delete("/sources/{name}", PAUSED).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("admin role"));
        given().when().get("/sources").then().body("name", hasItem(PAUSED));
    }

    @Test
    void theServiceTokenAndAnAdminJwtAreBothAccepted() {
        asAdmin().when().post("/sources/{name}/poll", YAHOO).then().statusCode(200).body("status", equalTo("OK"));
        given().header("Authorization", "Bearer " + jwt("admin"))
                .when().delete("/sources/{name}", PAUSED).then().statusCode(204);
        given().when().get("/sources").then().body("name", not(hasItem(PAUSED)));
    }
}
