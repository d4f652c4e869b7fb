package com.tradethehype.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.gateway.support.Accounts;
import com.tradethehype.gateway.support.GatewayTestResource;
import com.tradethehype.gateway.support.InjectStubs;
import com.tradethehype.gateway.support.StubServer.Reply;
import com.tradethehype.gateway.support.StubServices;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser against the gateway and loopback stubs of the internal services: sign up, read
 * the signals, open a ticker and see its charts drawn, change the watchlist, and see an outage. Screenshots go to
 * {@code target/screenshots}. Skips, saying why, where Debian's chromium is not installed (.ci/run installs it).
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class DashboardBrowserTest {

    @TestHTTPResource("/")
    URL page;

    @InjectStubs
    StubServices stubs;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(Browser.available(), "browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not "
                + "installed (apt-get install chromium chromium-driver; .ci/run does this)");
        stubs.reset();
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
        stubs.reset();
    }

    @Test
    void aTraderSignsUpOpensATickerChangesTheWatchlistAndSeesAnOutage() throws Exception {
        driver.get(page.toString());
        Browser.screenshot(driver, "01-sign-in");
        String email = Accounts.newEmail();
        driver.findElement(By.id("signin-email")).sendKeys(email);
        driver.findElement(By.id("signin-password")).sendKeys(Accounts.PASSWORD);
        driver.findElement(By.id("register-submit")).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#signals-table tbody tr"), 3));
        assertEquals(email, driver.findElement(By.id("who-email")).getText());
        assertEquals(List.of("NVDA", "AAPL", "TSLA"), tickersInTable(), "strongest confidence first");

        driver.findElement(By.cssSelector("th[data-sort='meanScore']")).click();
        assertEquals(List.of("AAPL", "NVDA", "TSLA"), tickersInTable(), "sorted by mean score, highest first");

        driver.findElement(By.cssSelector("a[data-ticker='NVDA']")).click();
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !!(window.Chart && Chart.getChart('mentions-chart') && Chart.getChart('sentiment-chart'));")));
        long painted = (Long) driver.executeScript("const c = document.getElementById('mentions-chart');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
        assertTrue(painted > 1000, "the mentions chart has pixels drawn: " + painted);
        assertEquals(7L, driver.executeScript("return Chart.getChart('mentions-chart').data.labels.length;"));
        WebElement headline = driver.findElement(By.cssSelector("#ticker-headlines li"));
        assertTrue(headline.getText().contains("<b>Nvidia</b> soars on <script>alert(1)</script> demand"),
                "the headline's markup is shown as text: " + headline.getText());
        assertTrue(headline.getText().contains("tth-finbert-mini v1"), "the headline names its model");
        assertEquals(0L, driver.executeScript("return document.querySelectorAll('#ticker-headlines script, "
                + "#ticker-headlines b').length;"));
        assertEquals(null, driver.executeScript("return window.pwned === undefined ? null : window.pwned;"));
        Browser.screenshot(driver, "02-ticker");

        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#status-sources li[data-name='sec-8k']"),
                "class", "st-DOWN"));
        assertTrue(driver.findElement(By.id("status-model")).getText().contains("tth-finbert-mini@1"));

        WebElement watchlist = driver.findElement(By.id("sub-watchlist"));
        watchlist.clear();
        watchlist.sendKeys("aapl, nvda msft");
        driver.findElement(By.id("sub-save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("sub-saved"), "Saved."));
        assertEquals("AAPL, NVDA, MSFT", watchlist.getAttribute("value"));
        String id = stubs.subscriberByEmail(email).get("id").asText();
        var put = stubs.digest.requests("PUT", "/subscribers/" + id);
        assertEquals(new ObjectMapper().readTree("{\"active\":true,\"watchlist\":[\"AAPL\",\"NVDA\",\"MSFT\"]}"),
                new ObjectMapper().readTree(put.get(put.size() - 1).body()));
        Browser.screenshot(driver, "03-watchlist");

        stubs.digest.down(true);
        new Select(driver.findElement(By.id("kind-filter"))).selectByValue("BEARISH");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outage")));
        assertEquals("Outage: digest-service is unavailable; try again shortly",
                driver.findElement(By.id("outage")).getText());
        Browser.screenshot(driver, "04-outage");

        stubs.digest.down(false);
        new Select(driver.findElement(By.id("kind-filter"))).selectByValue("BULLISH");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("outage")));

        stubs.digest.on("GET /signals", Reply.problem(404, "no digest day has been computed yet"));
        driver.findElement(By.id("signals-day")).sendKeys("01022020");
        wait.until(ExpectedConditions.textToBe(By.id("signals-empty"), "no digest day has been computed yet"));
        assertEquals(0, driver.findElements(By.cssSelector("#signals-table tbody tr")).size());
        assertTrue(!driver.findElement(By.id("outage")).isDisplayed(), "a day without signals is not an outage");

        List<LogEntry> csp = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
        assertTrue(csp.isEmpty(), "the page runs under its CSP without violations: " + csp);
    }

    private List<String> tickersInTable() {
        return driver.findElements(By.cssSelector("#signals-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-ticker")).toList();
    }
}
