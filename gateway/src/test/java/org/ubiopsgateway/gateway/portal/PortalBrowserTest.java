package org.ubiopsgateway.gateway.portal;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.gateway.browser.Chromium;
import org.ubiopsgateway.gateway.dev.EmbeddedEmulator;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal page in a real headless Chromium, cross-origin as a deployed portal is: the page is loaded from
 * {@code http://127.0.0.1:<port>/portal/} and calls the API at {@code http://localhost:<port>}, a different origin,
 * so every call passes CORS (the test profile allows the 127.0.0.1 origin).
 */
@QuarkusTest
class PortalBrowserTest {

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL gateway;

    @Inject
    EmbeddedEmulator embedded;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    @BeforeEach
    void reset() {
        embedded.emulator().reset();
    }

    @Test
    void signedInTheSeededProjectsOverviewShowsItsDeploymentsAndFailedBuild() {
        signIn(TestTokens.viewer("demo-project"));
        open("#/projects/demo-project");
        WebElement failed = waitFor(By.cssSelector("#failed-builds tbody tr"));
        assertTrue(failed.getText().contains("image-classifier"), failed.getText());
        assertTrue(failed.getText().contains("v2"), failed.getText());
        assertTrue(failed.getText().contains("torch"), failed.getText());
        String deployments = browser.findElement(By.id("deployments")).getText();
        for (String name : List.of("image-classifier", "text-summarizer", "churn-model")) {
            assertTrue(deployments.contains(name), deployments);
        }
        assertTrue(browser.findElement(By.cssSelector("[data-deployment='image-classifier']")).getText().contains("DEFAULT"));
        assertTrue(browser.findElements(By.id("missing")).isEmpty(), "a complete overview has no missing parts");
        assertNotEquals("", browser.findElement(By.id("quotas")).getText());
        Chromium.screenshot(browser, Path.of("target/portal-overview.png"));
    }

    @Test
    void aPartTheEmulatorFailsIsNamedAndTheRestIsShown() {
        embedded.emulator().faults().add(FaultRule.error("/v2\\.1/projects/demo-project/quotas", 503, 1.0));
        signIn(TestTokens.admin());
        open("#/projects/demo-project");
        WebElement missing = waitFor(By.id("missing"));
        assertTrue(missing.getText().contains("quotas (upstream-error)"), missing.getText());
        assertTrue(browser.findElement(By.id("quotas")).getText().contains("unavailable (upstream-error)"));
        assertTrue(browser.findElement(By.id("failed-builds")).getText().contains("image-classifier"));
    }

    @Test
    void pollingRevalidatesTheOverviewAndGetsA304() {
        signIn(TestTokens.admin());
        open("#/projects/demo-project");
        waitFor(By.cssSelector("#freshness[data-status='200']"));
        WebElement freshness = waitFor(By.cssSelector("#freshness[data-status='304']"));
        assertTrue(freshness.getText().contains("unchanged (304)"), freshness.getText());
        assertTrue(browser.findElement(By.id("failed-builds")).getText().contains("image-classifier"),
                "the overview stays on screen");
    }

    @Test
    void whenUbiOpsFailsAfterAPollThePolledOverviewIsShownAsStaleWithItsAge() {
        signIn(TestTokens.admin());
        open("#/projects/demo-project");
        WebElement fresh = waitFor(By.cssSelector("#freshness[data-status='200']"));
        assertTrue(browser.findElements(By.id("stale")).isEmpty(), "a fresh overview is not marked stale: " + fresh.getText());

        // The project's details now fail upstream; the gateway answers from its last good read, X-Cache: STALE.
        embedded.emulator().faults().add(FaultRule.error("/v2\\.1/projects/demo-project", 503, 1.0));
        WebElement stale = waitFor(By.id("stale"));
        assertTrue(stale.getText().matches("Stale · \\d+ s old"), stale.getText());
        WebElement freshness = browser.findElement(By.id("freshness"));
        assertEquals("STALE", freshness.getAttribute("data-cache"));
        assertTrue(freshness.getText().contains("UbiOps did not answer; showing the last known state."), freshness.getText());
        assertTrue(browser.findElement(By.id("failed-builds")).getText().contains("image-classifier"),
                "the last known overview stays on screen");
        assertTrue(browser.findElements(By.cssSelector("#problem[data-status]")).stream().noneMatch(WebElement::isDisplayed),
                "a stale answer is not an error");

        embedded.emulator().faults().clear();
        waitFor(By.cssSelector("#freshness:not([data-cache='STALE'])"));
        assertTrue(browser.findElements(By.id("stale")).isEmpty(), "the mark goes once UbiOps answers again");
    }

    @Test
    void aProjectOutsideTheTokensScopeShowsTheGatewaysRefusal() {
        signIn(TestTokens.viewer("demo-project"));
        open("#/projects/sandbox");
        WebElement problem = waitFor(By.cssSelector("#problem[data-status='403']"));
        assertTrue(problem.getText().startsWith("403 "), problem.getText());
        assertTrue(problem.getText().contains("no access to this project"), problem.getText());
    }

    @Test
    void aVersionsEffectiveVariablesShowSecretsAsHidden() {
        signIn(TestTokens.viewer("demo-project"));
        open("#/projects/demo-project/deployments/image-classifier");
        WebElement secret = waitFor(By.cssSelector("[data-version='v2'] [data-variable='DATABASE_PASSWORD']"));
        assertTrue(secret.getText().contains("hidden"), secret.getText());
        assertTrue(!browser.getPageSource().contains("s3cr3t"), "a secret's value never reaches the page");
        WebElement shadowing = browser.findElement(By.cssSelector("[data-version='v2'] [data-variable='LOG_LEVEL']"));
        assertTrue(shadowing.getText().contains("version"), shadowing.getText());
    }

    @Test
    void aRefusedTokenIsShownAsTheGatewaysProblem() {
        signIn("not-a-token");
        WebElement problem = waitFor(By.cssSelector("#problem[data-status='401']"));
        assertTrue(problem.getText().startsWith("401 "), problem.getText());
        assertTrue(browser.findElement(By.id("signin")).isDisplayed());
    }

    /** The page from 127.0.0.1, the API on localhost: two origins. */
    private String page() {
        return gateway.toString().replace("//localhost:", "//127.0.0.1:") + "portal/?poll=1&api="
                + gateway.toString().replaceAll("/$", "");
    }

    private void signIn(String token) {
        assertTrue(gateway.getHost().equals("localhost"), "the API's origin differs from the page's: " + gateway);
        browser.get(page());
        // a tab still signed in from the previous test signs out first
        WebElement shown = new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("token")),
                ExpectedConditions.visibilityOfElementLocated(By.id("signout")))) ? visible("token", "signout") : null;
        if (shown.getAttribute("id").equals("signout")) {
            shown.click();
        }
        WebElement field = waitFor(By.id("token"));
        assertEquals(gateway.toString().replaceAll("/$", ""), browser.findElement(By.id("api-url")).getAttribute("value"));
        field.sendKeys(token);
        browser.findElement(By.id("signin-submit")).click();
    }

    private void open(String hash) {
        waitFor(By.id("who-name")); // signed in
        browser.executeScript("location.hash = arguments[0]", hash);
    }

    private WebElement visible(String... ids) {
        for (String id : ids) {
            WebElement element = browser.findElement(By.id(id));
            if (element.isDisplayed()) {
                return element;
            }
        }
        throw new AssertionError("none of " + List.of(ids) + " is shown");
    }

    private WebElement waitFor(By what) {
        return Chromium.visible(browser, what, Duration.ofSeconds(15));
    }
}
