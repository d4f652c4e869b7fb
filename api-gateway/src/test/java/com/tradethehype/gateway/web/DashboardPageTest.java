package com.tradethehype.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.gateway.support.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's files as served: no inline script or handlers, chart.js from the jar, no markup built from strings. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class DashboardPageTest {

    @Test
    void servesThePageWithoutInlineScriptOrHandlers() {
        String html = given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "every script has a src");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline event handlers");
        assertFalse(html.contains("style="), "no inline styles");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing loaded from another host");
    }

    @Test
    void servesChartJsFromTheWebjar() {
        given().when().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200)
                .body(containsString("Chart"));
    }

    @Test
    void theScriptNeverBuildsMarkupFromStrings() {
        String js = given().when().get("/app.js").then().statusCode(200).extract().asString();
        for (String sink : new String[] {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function"}) {
            assertFalse(js.contains(sink), "app.js uses " + sink);
        }
        assertTrue(js.contains("textContent"));
    }

    @Test
    void publishesTheOpenApiDocument() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/signals"))
                .body(containsString("/api/auth/login"));
    }
}
