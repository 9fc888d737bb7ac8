package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.nanomeet.NanoMeetSettings;
import dev.nanomeet.TestTokens;
import dev.nanomeet.TokenClaims;
import dev.nanomeet.Tokens;

/**
 * The token-creator and meeting pages in headless Chromium (Debian's, driven by its ChromeDriver), against the module
 * and the emulator in Open Liberty. Every host but localhost is unreachable for the browser, so the nanoMeet web API
 * never loads: the tests read the embed's script tag and config instead.
 */
@ExtendWith(ArquillianExtension.class)
class PagesIT {

    private static final String PAGE = Deployments.BASE_URL + "/meeting.html";
    private static final Path SCREENSHOTS = Deployments.PROJECT.resolve("target/screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String EU = "nanomeet-eu.nanocosmos.de";
    private static final String US = "nanomeet-us.nanocosmos.de";

    private static WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.module(Map.of("nanomeet.invite.page", PAGE));
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("nanomeet-chromium"),
                // Requests to any host but localhost fail as if the host did not exist.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(Map.of("TZ", "UTC"))
                .build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void wideScreenAndNoFaults() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        Emulator.delete("/emulator/admin/faults");
    }

    @Test
    void tokenCreatorMakesAStreamAndARoomAndShowsTheModeratorLink() throws IOException {
        String room = "pages_town_hall_" + System.nanoTime() % 100_000;
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        browser.get(Deployments.BASE_URL + "/token-creator.html");
        assertThat(browser.getTitle()).isEqualTo("nanoMeet token creator");
        assertThat(value("notBefore")).as("valid from now, to the minute").isNotEmpty();
        Instant defaultFrom = Instant.parse(value("notBefore") + ":00Z");
        Instant defaultUntil = Instant.parse(value("expires") + ":00Z");
        assertThat(Duration.between(defaultFrom, defaultUntil)).as("two weeks by default").isEqualTo(Duration.ofDays(14));

        type("room", room);
        choose("server", US);
        browser.findElement(By.id("create")).click();
        waitForText("message", "Room " + room + " created.");

        String link = value("moderator-link");
        assertThat(link).startsWith(PAGE + "?token=");
        TokenClaims claims = Tokens.claims(link.substring((PAGE + "?token=").length()));
        assertThat(claims.room()).isEqualTo(room);
        assertThat(claims.server()).isEqualTo(US);
        assertThat(claims.moderator()).as("the creator's token is a moderator's").isTrue();
        assertThat(claims.notBefore()).isEqualTo(defaultFrom);
        assertThat(claims.expires()).isEqualTo(defaultUntil);
        assertThat(claims.notBefore()).isBeforeOrEqualTo(before);
        assertThat(browser.findElement(By.id("open-meeting")).getAttribute("href")).isEqualTo(link);
        assertThat(text("result-room")).isEqualTo(room);
        assertThat(text("result-server")).isEqualTo(US);
        assertThat(text("result-notBefore")).isEqualTo(defaultFrom.toString());
        assertThat(text("result-expires")).isEqualTo(defaultUntil.toString());

        JsonObject stream = lastStream();
        String streamId = stream.getString("id");
        assertThat(text("stream-id")).isEqualTo(streamId);
        assertThat(text("stream-name")).isEqualTo(claims.streamname())
                .isEqualTo(stream.getJsonObject("ingest").getJsonObject("rtmp").getString("streamname"));
        assertThat(text("stream-playouts")).as("the passthrough and the two transcodes")
                .isEqualTo(String.join(", ", stream.getJsonObject("playout").getJsonArray("h5live").stream()
                        .map(playout -> playout.asJsonObject().getString("id")).toList()))
                .contains(", ");
        WebElement dashboard = browser.findElement(By.id("stream-dashboard"));
        assertThat(dashboard.getText()).isEqualTo("https://bintu-cloud-frontend.nanocosmos.de/stream/new/" + streamId);
        assertThat(dashboard.getAttribute("href")).isEqualTo(dashboard.getText());

        browser.findElement(By.id("copy-moderator-link")).click();
        waitForText("copy-status", "Link copied.", "Select the link and copy it (the browser did not allow copying).");
        screenshot("token-creator");
    }

    @Test
    void tokenCreatorNamesTheFieldOfBadInputAndCallsNoService() {
        browser.get(Deployments.BASE_URL + "/token-creator.html");
        int calls = Emulator.callCount();

        browser.findElement(By.id("create")).click();
        waitForText("message", "room must be given: a room name is required");
        assertInvalid("room");

        type("room", "town hall!");
        browser.findElement(By.id("create")).click();
        waitForText("message", "room must be made of a-z, A-Z, 0-9 and _ only");
        assertInvalid("room");

        type("room", "pages_too_long");
        setValue("notBefore", "2030-01-01T10:00");
        setValue("expires", "2031-01-02T10:00");
        browser.findElement(By.id("create")).click();
        waitForText("message", "exp must be at most one year after nbf (at most 2031-01-01T10:00:00Z)");
        assertInvalid("expires");

        setValue("expires", "2029-12-31T10:00");
        browser.findElement(By.id("create")).click();
        waitForText("message", "exp must be after nbf (2030-01-01T10:00:00Z)");
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
        assertThat(Emulator.callCount()).as("no call reached the emulator").isEqualTo(calls);
    }

    @Test
    void tokenCreatorShowsTheServiceFailureAsAMessage() {
        Emulator.post("/emulator/admin/faults/stream", Map.of(), "{\"status\": 403, \"failTimes\": 1}");
        browser.get(Deployments.BASE_URL + "/token-creator.html");

        type("room", "pages_refused");
        browser.findElement(By.id("create")).click();

        waitForText("message", "Could not create stream: injected fault: HTTP 403 (HTTP 403)");
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
    }

    @Test
    void moderatorPageEmbedsTheMeetingAndCreatesInvites() throws IOException {
        JsonObject room = createRoom("pages_invites", EU);
        String token = room.getString("token");
        browser.get(room.getString("link"));

        waitForText("title", "Room pages_invites");
        assertThat(text("who")).isEqualTo("You join as moderator on " + EU + ", valid from "
                + room.getString("notBefore") + " until " + room.getString("expires") + ".");
        WebElement script = browser.findElement(By.cssSelector("#meeting script[data-nanomeet-api]"));
        assertThat(script.getAttribute("src")).isEqualTo(NanoMeetSettings.DEFAULT_EMBED_SCRIPT);
        JsonObject config = (JsonObject) Emulator.parse((String) js(
                "return document.getElementById('nanoStream-meet-config').textContent"));
        assertThat(config).containsOnlyKeys("token", "id");
        assertThat(config.getString("token")).isEqualTo(token);
        assertThat(config.getString("id")).isEqualTo("nanoStream-meet");
        WebElement embed = browser.findElement(By.id("nanoStream-meet"));
        assertThat(embed.getAttribute("style")).isEqualTo("width: 100%; height: 100%;");
        waitForText("embed-status", "The meeting could not open: The nanoMeet web API did not load from "
                + NanoMeetSettings.DEFAULT_EMBED_SCRIPT);
        assertThat(browser.findElement(By.id("invite")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("broadcast")).isDisplayed()).isTrue();

        browser.findElement(By.id("create-invite")).click();
        waitForText("invite-message", "Invite created.");
        String participantLink = value("invite-link");
        assertThat(participantLink).startsWith(PAGE + "?token=");
        TokenClaims participant = Tokens.claims(participantLink.substring((PAGE + "?token=").length()));
        assertThat(participant.moderator()).isFalse();
        assertThat(participant.room()).isEqualTo("pages_invites");
        assertThat(text("invite-role")).isEqualTo("participant");
        assertThat(text("invite-window")).as("the moderator token's window").isEqualTo("Valid from "
                + room.getString("notBefore") + " until " + room.getString("expires") + ".");
        screenshot("meeting-moderator");

        browser.findElement(By.id("invite-moderator")).click();
        Instant until = Instant.parse(room.getString("expires")).minus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.MINUTES);
        setValue("invite-expires", until.toString().substring(0, 16));
        browser.findElement(By.id("create-invite")).click();
        waitForText("invite-role", "moderator");
        TokenClaims moderator = Tokens.claims(value("invite-link").substring((PAGE + "?token=").length()));
        assertThat(moderator.moderator()).isTrue();
        assertThat(moderator.expires()).isEqualTo(until);

        Instant late = Instant.parse(room.getString("expires")).plus(1, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.MINUTES);
        setValue("invite-expires", late.toString().substring(0, 16));
        browser.findElement(By.id("create-invite")).click();
        waitForText("invite-message", "exp must be no later than the moderator token's exp ("
                + room.getString("expires") + ")");
        assertInvalid("invite-expires");
        assertThat(browser.findElement(By.id("invite-result")).isDisplayed()).isFalse();

        browser.get(participantLink);
        waitForText("title", "Room pages_invites");
        assertThat(text("who")).startsWith("You join as participant on " + EU);
        assertThat(browser.findElement(By.id("invite")).isDisplayed()).as("no invites for a participant").isFalse();
        assertThat(browser.findElement(By.id("broadcast")).isDisplayed()).as("no broadcasts either").isFalse();
        screenshot("meeting-participant");
    }

    @Test
    void moderatorStartsAndStopsARecordedBroadcast() throws IOException {
        JsonObject room = createRoom("pages_broadcast", EU);
        String streamname = room.getString("streamname");
        browser.get(room.getString("link"));
        waitForText("broadcast-message", "Not broadcasting.");

        browser.findElement(By.id("record")).click();
        browser.findElement(By.id("start-broadcast")).click();
        waitForText("broadcast-message", "Broadcasting. Recorded for VOD.");
        WebElement live = browser.findElement(By.id("live-link"));
        assertThat(live.getText()).isEqualTo(
                "https://demo.nanocosmos.de/nanoplayer/release/nanoplayer.html?bintu.streamname=" + streamname);
        assertThat(live.getAttribute("href")).isEqualTo(live.getText());
        WebElement vod = browser.findElement(By.id("vod-link"));
        assertThat(vod.getText()).isEqualTo("https://bintu-vod.nanocosmos.de/vod/" + streamname + ".mp4");
        assertThat(vod.getAttribute("href")).isEqualTo(vod.getText());
        screenshot("meeting-broadcast");
        Emulator.Answer again = Emulator.post("/api/pages/broadcasts/start", Map.of(),
                "{\"token\": \"" + room.getString("token") + "\"}");
        assertThat(again.status()).as("a second start conflicts").isEqualTo(409);
        assertThat(again.json().getString("message"))
                .isEqualTo("Could not start broadcast: room pages_broadcast is already broadcasting (stop it first)");

        browser.findElement(By.id("stop-broadcast")).click();
        waitForText("broadcast-message", "Broadcast stopped. Recorded for VOD.");
        assertThat(browser.findElement(By.id("vod-link")).getText()).as("the recording stays")
                .isEqualTo("https://bintu-vod.nanocosmos.de/vod/" + streamname + ".mp4");
    }

    @Test
    void broadcastWithEveryRecorderBusyShowsWhy() {
        JsonObject first = createRoom("pages_busy_a", EU);
        JsonObject second = createRoom("pages_busy_b", EU);
        JsonObject third = createRoom("pages_busy_c", EU);
        start(first);
        start(second);
        try {
            browser.get(third.getString("link"));
            waitForText("broadcast-message", "Not broadcasting.");
            browser.findElement(By.id("start-broadcast")).click();
            waitFor("broadcast-message", text -> text.startsWith("Could not start broadcast: all 2 recorders are busy"));
            assertThat(browser.findElement(By.id("broadcast-message")).getAttribute("class")).contains("error");
        } finally {
            stop(first);
            stop(second);
        }
    }

    @Test
    void meetingPageRefusesTokensAsTheWebApiDoes() {
        browser.get(PAGE);
        waitForText("message", "Open this page with ?token= and a nanoMeet token, as an invite link does.");

        browser.get(PAGE + "?token=not-a-token");
        waitForText("message", "This meeting cannot open: token must be a nanoMeet token of 200 to 16384 characters "
                + "(was 11)");

        Instant expired = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        browser.get(PAGE + "?token=" + token(claims().notBeforeTime(Date.from(expired.minus(1, ChronoUnit.HOURS)))
                .expirationTime(Date.from(expired)).build()));
        waitForText("message", "This meeting cannot open: token must be unexpired (it expired at " + expired + ")");

        Instant later = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        browser.get(PAGE + "?token=" + token(claims().notBeforeTime(Date.from(later))
                .expirationTime(Date.from(later.plus(1, ChronoUnit.HOURS))).build()));
        waitForText("message", "This meeting cannot open: token must be valid already (it is valid from " + later
                + ")");

        browser.get(PAGE + "?token=" + token(claims().claim("streamname", null).build()));
        waitForText("message", "This meeting cannot open: token must be a nanoMeet token with a streamname claim");

        browser.get(PAGE + "?token=" + token(claims().subject(null).build()));
        waitForText("message", "This meeting cannot open: token must be a nanoMeet token with a sub (group) claim");
        assertThat(browser.findElements(By.cssSelector("script[data-nanomeet-api]"))).as("nothing embedded").isEmpty();
    }

    @Test
    void pagesWorkWithTheKeyboardAndOnANarrowScreen() throws IOException {
        browser.manage().window().setSize(new Dimension(360, 800));
        browser.get(Deployments.BASE_URL + "/token-creator.html");
        assertThat(fitsTheWidth()).as("no sideways scrolling at 360 px").isTrue();

        WebElement room = browser.findElement(By.id("room"));
        room.click();
        room.sendKeys("pages_keyboard");
        for (String next : List.of("server", "notBefore", "expires", "create")) {
            assertThat(tabToNextField()).as("tab order").isEqualTo(next);
        }
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitForText("message", "Room pages_keyboard created.");
        assertThat(fitsTheWidth()).as("the result fits too").isTrue();
        screenshot("token-creator-narrow");

        browser.get(value("moderator-link"));
        waitForText("title", "Room pages_keyboard");
        waitFor("embed-status", text -> !text.isEmpty());
        screenshot("meeting-narrow");
        assertThat(fitsTheWidth()).as("the meeting page fits").isTrue();
        WebElement moderatorBox = browser.findElement(By.id("invite-moderator"));
        moderatorBox.sendKeys(Keys.SPACE);
        assertThat(moderatorBox.isSelected()).as("space ticks the box").isTrue();
        browser.findElement(By.id("create-invite")).sendKeys(Keys.ENTER);
        waitForText("invite-role", "moderator");
        assertThat(fitsTheWidth()).as("the invite fits").isTrue();
    }

    @Test
    void apiAnswersJsonToRequestsNoEndpointTakes() {
        assertThat(raw("POST", "/api/pages/rooms", "text/plain", "room")).isEqualTo(
                "415 {\"message\":\"Content-Type must be application/json\"}");
        assertThat(raw("GET", "/api/pages/rooms", null, null)).isEqualTo(
                "405 {\"message\":\"this endpoint takes POST with a JSON body\"}");
        assertThat(raw("POST", "/api/pages/nothing", "application/json", "{}")).isEqualTo(
                "404 {\"message\":\"no such endpoint: see /openapi for the API\"}");
        assertThat(raw("POST", "/api/pages/rooms", "application/json; charset=bogus", "{}")).isEqualTo(
                "415 {\"message\":\"Content-Type must name a charset the server knows, such as UTF-8\"}");
        assertThat(raw("POST", "/api/pages/embeds", "application/json", "{\"token\": \"x\", \"" + "k".repeat(5000)
                + "\": 1}")).as("an unknown field's name is cut short").hasSizeLessThan(300);
        assertThat(raw("POST", "/api/pages/rooms", "application/json", "{\"room\": \"bad name!\", \"room\": "
                + "\"pages_twice\"}")).as("a key given twice").startsWith("400 {\"message\":\"request must be valid "
                + "JSON (").endsWith("\"field\":\"request\"}");
    }

    /** A request as any HTTP client sends it; the answer's status and body. */
    private static String raw(String method, String path, String contentType, String body) {
        Emulator.Answer answer = Emulator.send(method, path, contentType, body);
        return answer.status() + " " + answer.body();
    }

    private static JsonObject createRoom(String room, String server) {
        Emulator.Answer answer = Emulator.post("/api/pages/rooms", Map.of(),
                "{\"room\": \"" + room + "\", \"server\": \"" + server + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static void start(JsonObject room) {
        Emulator.Answer answer = Emulator.post("/api/pages/broadcasts/start", Map.of(),
                "{\"token\": \"" + room.getString("token") + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void stop(JsonObject room) {
        Emulator.post("/api/pages/broadcasts/stop", Map.of(), "{\"token\": \"" + room.getString("token") + "\"}");
    }

    private static JsonObject lastStream() {
        var streams = Emulator.streams();
        return streams.getJsonObject(streams.size() - 1);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("pages-group").claim("room", "pages_forged")
                .claim("streamname", "FORGE-00001").claim("server", EU).claim("moderator", true)
                .notBeforeTime(Date.from(now.minus(1, ChronoUnit.HOURS)))
                .expirationTime(Date.from(now.plus(1, ChronoUnit.HOURS)));
    }

    private static String token(JWTClaimsSet claims) {
        return TestTokens.signed(claims);
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void choose(String id, String optionValue) {
        browser.findElement(By.cssSelector("#" + id + " option[value='" + optionValue + "']")).click();
    }

    /** Sets an input's value as a user's picker would (datetime-local inputs take no typed text in every locale). */
    private static void setValue(String id, String value) {
        js("var input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + "input.dispatchEvent(new Event('input', {bubbles: true}));", id, value);
    }

    private static String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void assertInvalid(String id) {
        WebElement input = browser.findElement(By.id(id));
        assertThat(input.getAttribute("aria-invalid")).as(id + " marked invalid").isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the focus on " + id).isEqualTo(id);
    }

    private static void waitForText(String id, String... expected) {
        List<String> accepted = List.of(expected);
        waitFor(id, accepted::contains);
    }

    private static void waitFor(String id, Predicate<String> expected) {
        try {
            new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
            new WebDriverWait(browser, PATIENCE).until(page -> expected.test(page.findElement(By.id(id)).getText()));
        } catch (TimeoutException e) {
            assertThat(text(id)).as("#" + id + " after " + PATIENCE.toSeconds() + " s").matches(expected::test);
        }
    }

    /** Presses Tab until the focus leaves the current field (a date field has a stop per part); its id. */
    private static String tabToNextField() {
        String current = browser.switchTo().activeElement().getAttribute("id");
        for (int press = 0; press < 8; press++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            String focused = browser.switchTo().activeElement().getAttribute("id");
            if (!current.equals(focused)) {
                return focused;
            }
        }
        return current;
    }

    private static boolean fitsTheWidth() {
        return (Boolean) js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The whole page, however long: the window grows to its height for the shot, then returns to its size. */
    private static void screenshot(String name) throws IOException {
        Dimension size = browser.manage().window().getSize();
        long height = (Long) js("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.max(size.getHeight(), height + 140)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(size);
        }
    }
}
