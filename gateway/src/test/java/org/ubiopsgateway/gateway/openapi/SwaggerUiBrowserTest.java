package org.ubiopsgateway.gateway.openapi;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.ubiopsgateway.gateway.browser.Chromium;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's Swagger UI in a real headless Chromium, as a portal developer uses it: "Try it out" sends the token
 * given to "Authorize", because the document requires the bearer scheme on every operation.
 */
@QuarkusTest
class SwaggerUiBrowserTest {

    /** Swagger UI's id for an operation without an operationId: tag, method and path. */
    private static final By LIST_PROJECTS = By.id("operations-Projects-get_api_v1_projects");

    private static ChromeDriver browser;

    @TestHTTPResource("/q/swagger-ui/")
    URL swaggerUi;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    @Test
    void afterAuthorizeTryItOutListsTheProjectsTheTokenMaySee() {
        browser.get(swaggerUi.toString());
        waitFor(By.cssSelector("button.authorize")).click();
        waitFor(By.cssSelector(".modal-ux .auth-container input")).sendKeys(TestTokens.viewer("demo-project"));
        browser.findElement(By.cssSelector(".modal-ux .auth-btn-wrapper button.authorize")).click();
        waitFor(By.cssSelector(".modal-ux .auth-btn-wrapper button.btn-done")).click();

        WebElement response = tryItOut();
        assertEquals("200", status(response), response.getText());
        String body = response.findElement(By.cssSelector(".response-col_description")).getText();
        assertTrue(body.contains("\"name\": \"demo-project\""), body);
        assertFalse(body.contains("sandbox"), "the list is the token's projects only, so the token was sent: " + body);
    }

    @Test
    void withoutAuthorizeTryItOutShowsTheGatewaysRefusal() {
        browser.get(swaggerUi.toString()); // a fresh load: Swagger UI keeps no authorization across loads
        WebElement response = tryItOut();
        assertEquals("401", status(response), response.getText());
        String body = response.findElement(By.cssSelector(".response-col_description")).getText();
        assertTrue(body.contains("\"detail\": \"A bearer token is required\""), body);
    }

    /** Opens GET /api/v1/projects, tries it out, executes, and answers the response Swagger UI shows. */
    private WebElement tryItOut() {
        waitFor(LIST_PROJECTS).findElement(By.cssSelector(".opblock-summary-control")).click();
        waitFor(By.cssSelector("#operations-Projects-get_api_v1_projects button.try-out__btn")).click();
        waitFor(By.cssSelector("#operations-Projects-get_api_v1_projects button.execute")).click();
        return waitFor(By.cssSelector("#operations-Projects-get_api_v1_projects .live-responses-table .response"));
    }

    /** The status code Swagger UI shows (it adds "Undocumented" under a status the document does not list). */
    private static String status(WebElement response) {
        return response.findElement(By.cssSelector(".response-col_status")).getText().lines().findFirst().orElse("").trim();
    }

    private WebElement waitFor(By what) {
        return Chromium.visible(browser, what, Duration.ofSeconds(20));
    }
}
