package com.tradethehype.digest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Subscribers are created, found, changed, deactivated and deleted; bad requests are problems naming the field. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(MailServerResource.class)
class SubscriberApiTest {

    @Test
    void aSubscriberLivesThroughCreateUpdateDeactivateAndDelete() {
        String email = "Trader-" + UUID.randomUUID() + "@Example.com";
        long id = given().contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"watchlist\":[\"msft\",\"MSFT\",\"brk.b\"]}")
                .when().post("/subscribers")
                .then().statusCode(201).header("Location", containsString("/subscribers/"))
                .body("email", equalTo(email)).body("active", equalTo(true))
                .body("watchlist", equalTo(List.of("MSFT", "BRK.B")))
                .extract().jsonPath().getLong("id");
        given().queryParam("email", email.toLowerCase()).when().get("/subscribers")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo((int) id));
        given().contentType("application/json").body("{\"email\":\"" + email.toUpperCase() + "\"}")
                .when().post("/subscribers").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already exists"));
        given().contentType("application/json").body("{\"watchlist\":[\"NVDA\"]}").when().put("/subscribers/" + id)
                .then().statusCode(200).body("watchlist", equalTo(List.of("NVDA"))).body("active", equalTo(true));
        given().contentType("application/json").body("{\"active\":false}").when().put("/subscribers/" + id)
                .then().statusCode(200).body("active", equalTo(false)).body("watchlist", equalTo(List.of("NVDA")));
        given().when().delete("/subscribers/" + id).then().statusCode(204);
        given().when().get("/subscribers/" + id).then().statusCode(404).contentType("application/problem+json");
        given().when().delete("/subscribers/" + id).then().statusCode(404);
    }

    @Test
    void invalidSubscribersAreProblemsNamingTheField() {
        given().contentType("application/json").body("{\"email\":\"not-an-address\"}").when().post("/subscribers")
                .then().statusCode(400).contentType("application/problem+json").body("detail", startsWith("email"));
        given().contentType("application/json").body("{\"email\":\"a@b.co\",\"watchlist\":[\"$$$\"]}")
                .when().post("/subscribers").then().statusCode(400).body("detail", containsString("watchlist"));
        given().contentType("application/json").body("{\"email\":").when().post("/subscribers")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/subscribers/abc").then().statusCode(400).body("detail", containsString("id"));
        given().when().get("/subscribers").then().statusCode(400).body("detail", containsString("email"));
    }
}
