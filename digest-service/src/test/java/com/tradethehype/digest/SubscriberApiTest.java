package com.tradethehype.digest;

import static com.tradethehype.digest.AdminRequests.asAdmin;
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
        long id = asAdmin().contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"watchlist\":[\"msft\",\"MSFT\",\"brk.b\"]}")
                .when().post("/subscribers")
                .then().statusCode(201).header("Location", containsString("/subscribers/"))
                .body("email", equalTo(email)).body("active", equalTo(true))
                .body("watchlist", equalTo(List.of("MSFT", "BRK.B")))
                .extract().jsonPath().getLong("id");
        given().queryParam("email", email.toLowerCase()).when().get("/subscribers")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo((int) id));
        asAdmin().contentType("application/json").body("{\"email\":\"" + email.toUpperCase() + "\"}")
                .when().post("/subscribers").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already exists"));
        asAdmin().contentType("application/json").body("{\"watchlist\":[\"NVDA\"]}").when().put("/subscribers/" + id)
                .then().statusCode(200).body("watchlist", equalTo(List.of("NVDA"))).body("active", equalTo(true));
        asAdmin().contentType("application/json").body("{\"active\":false}").when().put("/subscribers/" + id)
                .then().statusCode(200).body("active", equalTo(false)).body("watchlist", equalTo(List.of("NVDA")));
        asAdmin().when().delete("/subscribers/" + id).then().statusCode(204);
        given().when().get("/subscribers/" + id).then().statusCode(404).contentType("application/problem+json");
        asAdmin().when().delete("/subscribers/" + id).then().statusCode(404);
    }

    @Test
    void invalidSubscribersAreProblemsNamingTheField() {
        asAdmin().contentType("application/json").body("{\"email\":\"not-an-address\"}").when().post("/subscribers")
                .then().statusCode(400).contentType("application/problem+json").body("detail", startsWith("email"));
        asAdmin().contentType("application/json").body("{\"email\":\"a@b.co\",\"watchlist\":[\"$$$\"]}")
                .when().post("/subscribers").then().statusCode(400).body("detail", containsString("watchlist"));
        asAdmin().contentType("application/json").body("{\"email\":").when().post("/subscribers")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/subscribers/abc").then().statusCode(400).body("detail", containsString("id"));
        given().when().get("/subscribers").then().statusCode(400).body("detail", containsString("email"));
    }

    @Test
    void changesNeedAnAdminCredentialAndReadsDoNot() {
        String email = "guarded-" + UUID.randomUUID() + "@example.com";
        String body = "{\"email\":\"" + email + "\",\"watchlist\":[\"MSFT\"]}";
        given().contentType("application/json").body(body).when().post("/subscribers")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("detail", containsString("admin credential"));
        given().queryParam("email", email).when().get("/subscribers").then().statusCode(200).body("$", hasSize(0));

        long id = given().header("Authorization", "Bearer " + AdminRequests.jwt("admin")).contentType("application/json")
                .body(body).when().post("/subscribers").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", "Bearer " + AdminRequests.jwt("user")).contentType("application/json")
                .body("{\"active\":false}").when().put("/subscribers/" + id)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("admin role"));
        given().header("Authorization", "Bearer wrong-token-wrong-token-wrong-token-wrong")
                .when().delete("/subscribers/" + id).then().statusCode(401);
        given().when().get("/subscribers/" + id).then().statusCode(200).body("active", equalTo(true));
        given().when().post("/admin/redrive").then().statusCode(401).contentType("application/problem+json");

        asAdmin().when().delete("/subscribers/" + id).then().statusCode(204);
    }
}
