package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.json.JsonObject;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The emulator speaks the wire contract of the real services: paths, headers, bodies, statuses, messages. */
@ExtendWith(ArquillianExtension.class)
class EmulatorContractIT {

    private static final String TOKEN_PATH = "/emulator/token/nanomeet";

    @Deployment
    static WebArchive deployment() {
        return Deployments.module();
    }

    @Test
    void roomTokenNeedsAKnownApiKey() {
        Emulator.Answer none = Emulator.post(TOKEN_PATH, Map.of(), roomBody("contract_a"));
        Emulator.Answer unknown = Emulator.post(TOKEN_PATH, Map.of("X-BINTU-APIKEY", "unknown-key-123456"),
                roomBody("contract_a"));

        assertThat(none.status()).as("no credentials").isEqualTo(401);
        assertThat(none.json().getString("message")).isNotBlank();
        assertThat(unknown.status()).as("unknown key").isEqualTo(401);
        assertThat(unknown.body()).as("the key is not echoed").doesNotContain("unknown-key-123456");
    }

    @Test
    void roomTokenIsASignedJwtThatTheJwksVerifies() throws Exception {
        Emulator.Answer answer = Emulator.post(TOKEN_PATH, Map.of("X-BINTU-APIKEY", Deployments.API_KEY),
                roomBody("contract_b"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(answer.json().getString("data"));
        JWKSet keys = JWKSet.parse(Emulator.get(URI.create(Deployments.BASE_URL + "/emulator/token/jwks")).body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature checks with the published key").isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("room")).isEqualTo("contract_b");
        assertThat(jwt.getJWTClaimsSet().getBooleanClaim("moderator")).isTrue();
        assertThat(answer.json().getString("data").length()).as("the browser library wants 200+ chars")
                .isGreaterThan(200);
    }

    @Test
    void missingAndMistypedFieldsAreNamed() {
        Map<String, String> key = Map.of("X-BINTU-APIKEY", Deployments.API_KEY);
        Emulator.Answer missing = Emulator.post(TOKEN_PATH, key, roomBody("contract_c").replace("\"room\"", "\"x\""));
        Emulator.Answer mistyped = Emulator.post(TOKEN_PATH, key,
                roomBody("contract_c").replace("\"moderator\": true", "\"moderator\": \"yes\""));
        Emulator.Answer broken = Emulator.post(TOKEN_PATH, key, "{not json");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().getString("message")).contains("room");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().getString("message")).contains("moderator");
        assertThat(broken.status()).isEqualTo(400);
    }

    @Test
    void inviteNeedsAModeratorTokenOfTheEmulator() {
        String moderator = Emulator.post(TOKEN_PATH, Map.of("X-BINTU-APIKEY", Deployments.API_KEY),
                roomBody("contract_d")).json().getString("data");
        String inviteBody = "{\"moderator\": false, \"server\": \"nanomeet-eu.nanocosmos.de\"}";

        Emulator.Answer invite = Emulator.post(TOKEN_PATH, Map.of("X-BINTU-TOKEN", moderator), inviteBody);
        String participant = invite.json().getString("data");
        Emulator.Answer fromParticipant = Emulator.post(TOKEN_PATH, Map.of("X-BINTU-TOKEN", participant), inviteBody);
        Emulator.Answer fromGarbage = Emulator.post(TOKEN_PATH, Map.of("X-BINTU-TOKEN", "a.b.c"), inviteBody);

        assertThat(invite.status()).as(invite.body()).isEqualTo(200);
        assertThat(fromParticipant.status()).as("a participant may not invite").isEqualTo(403);
        assertThat(fromParticipant.json().getString("message")).isNotBlank();
        assertThat(fromGarbage.status()).as("not a token of this issuer").isEqualTo(401);
    }

    @Test
    void organisationAndStreamAnswerTheirShapes() {
        Map<String, String> key = Map.of("X-BINTU-APIKEY", Deployments.API_KEY);

        Emulator.Answer organisation = Emulator.get("/emulator/bintu/organisation", key);
        Emulator.Answer stream = Emulator.post("/emulator/bintu/stream", key,
                "{\"tags\": [\"nanoMeet\"], \"transcodes\": [{\"profile\": \"vtrans2-852x480x800x25\"}]}");
        Emulator.Answer noKey = Emulator.get("/emulator/bintu/organisation", Map.of());

        assertThat(organisation.status()).isEqualTo(200);
        assertThat(organisation.json().getString("name")).isEqualTo("nanoMeet emulator");
        assertThat(stream.status()).isEqualTo(200);
        JsonObject created = stream.json();
        assertThat(created.getString("id")).isNotBlank();
        assertThat(created.getJsonObject("ingest").getJsonObject("rtmp").getString("streamname"))
                .matches("[A-Z0-9]{5}-[A-Z0-9]{5}");
        assertThat(created.getJsonObject("playout").getJsonArray("h5live")).as("passthrough and one transcode")
                .hasSize(2);
        assertThat(noKey.status()).isEqualTo(401);
    }

    @Test
    void issuedTokensAreInspectableWithoutTheirSecret() {
        String token = Emulator.post(TOKEN_PATH, Map.of("X-BINTU-APIKEY", Deployments.API_KEY),
                roomBody("contract_e")).json().getString("data");

        String tokens = Emulator.get("/emulator/admin/tokens", Map.of()).body();

        assertThat(tokens).contains("contract_e").doesNotContain(token);
    }

    @Test
    void disabledEmulatorServesNothing() {
        Map<String, String> key = Map.of("X-BINTU-APIKEY", Deployments.API_KEY);
        System.setProperty("nanomeet.emulator.enabled", "false");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> Emulator.get("/emulator/bintu/organisation", key)
                    .status() == 404);
            Emulator.Answer disabled = Emulator.post(TOKEN_PATH, key, roomBody("contract_off"));
            assertThat(disabled.status()).isEqualTo(404);
            assertThat(disabled.json().getString("message")).contains("nanomeet.emulator.enabled=true");
            assertThat(Emulator.get("/emulator/admin/tokens", Map.of()).status()).isEqualTo(404);
        } finally {
            System.clearProperty("nanomeet.emulator.enabled");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Emulator.get("/emulator/bintu/organisation", key)
                .status() == 200);
    }

    private static String roomBody(String room) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return "{\"exp\": \"" + now.plus(2, ChronoUnit.HOURS) + "\", \"nbf\": \"" + now + "\", \"room\": \"" + room
                + "\", \"streamname\": \"CNTRC-00001\", \"moderator\": true, \"server\": \"nanomeet-eu.nanocosmos.de\"}";
    }
}
