package dev.nanomeet.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** What the emulator knows and remembers: its signing key, its configuration and the records of what it did. */
@ApplicationScoped
public class EmulatorState {

    /** Whether the emulator serves at all; false unless set. */
    public static final String ENABLED = "nanomeet.emulator.enabled";
    /** The API keys it accepts, comma-separated. */
    public static final String API_KEYS = "nanomeet.emulator.api-keys";
    /** The customer group, the {@code sub} of its tokens. */
    public static final String GROUP = "nanomeet.emulator.group";
    /** The {@code iss} of its tokens. */
    public static final String ISSUER = "nanomeet.emulator.issuer";
    /** Where the signing key is kept, so that tokens issued before a restart still verify after it; unset: memory. */
    public static final String SIGNING_KEY_FILE = "nanomeet.emulator.signing-key-file";
    /** The message of every answer while the emulator is disabled. */
    public static final String DISABLED_MESSAGE = "The nanoMeet emulator is disabled: set " + ENABLED
            + "=true to serve it";

    /** How many entries each record keeps before it drops the oldest. */
    public static final int MAX_RECORDS = 10_000;

    private final AtomicLong tokensIssued = new AtomicLong();
    private final AtomicLong streamsMade = new AtomicLong();
    private final AtomicLong callsAnswered = new AtomicLong();

    private static final Logger LOG = Logger.getLogger(EmulatorState.class.getName());
    private static final int SHOWN = 4;
    private static final int RSA_BITS = 2048;

    private final Deque<IssuedToken> tokens = new ArrayDeque<>();
    private final Deque<JsonObject> streams = new ArrayDeque<>();
    private final Deque<Call> calls = new ArrayDeque<>();

    private RSAKey signingKey;
    private Set<String> apiKeys;
    private String group;
    private String issuer;
    private String organisationId;

    /** The kind of a token: made from an API key or from a moderator's token. */
    public enum Kind {
        ROOM, INVITE;

        /** The lower-case name shown by the admin endpoints. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A token the emulator issued: its kind, its claims and its masked form. */
    public record IssuedToken(Kind kind, JsonObject claims, String maskedToken, Instant issuedAt) {
    }

    /**
     * One request the emulator answered, with the status it got (0 when its connection was broken) and the kind of
     * fault injected into it, or null when none was.
     */
    public record Call(String method, String path, int status, Fault.Kind fault, Instant at) {
    }

    /** Reads the configuration and makes the key pair. */
    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        String keys = config.getOptionalValue(API_KEYS, String.class).orElse("emulator-api-key");
        apiKeys = Arrays.stream(keys.split(",")).map(String::trim).filter(key -> !key.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        group = config.getOptionalValue(GROUP, String.class).orElse("emulator");
        issuer = config.getOptionalValue(ISSUER, String.class).orElse("nanomeet-emulator");
        organisationId = UUID.nameUUIDFromBytes(("nanomeet-emulator:" + group).getBytes(StandardCharsets.UTF_8))
                .toString();
        signingKey = config.getOptionalValue(SIGNING_KEY_FILE, String.class).map(String::strip)
                .filter(path -> !path.isEmpty()).map(path -> keptKey(Path.of(path))).orElseGet(EmulatorState::newKey);
        LOG.info(() -> "nanoMeet emulator ready with " + apiKeys.size() + " API keys, group " + group
                + ", signing key " + signingKey.getKeyID() + ", enabled: " + enabled());
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(RSA_BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make the emulator's RSA key pair: " + e.getMessage(), e);
        }
    }

    /** The key kept in the file; a new one, written there readable by the owner only, when there is none. */
    private static RSAKey keptKey(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = newKey();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = Files.writeString(Files.createTempFile(file.toAbsolutePath().getParent(), "key", ".tmp"),
                    key.toJSONString());
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.fine("The file system has no POSIX permissions; the emulator's key file keeps its defaults");
            }
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Could not keep the emulator's signing key in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Makes the key pair when the application starts rather than on the first request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Delivering the event is enough: CDI creates this bean for it, which runs init().
    }

    /** Whether {@value #ENABLED} is true now; read on each call so that the gate follows the configuration. */
    public static boolean enabled() {
        return ConfigProvider.getConfig().getOptionalValue(ENABLED, Boolean.class).orElse(false);
    }

    /**
     * Refuses with 404 while the emulator is disabled. {@link EmulatorFilter} does so for {@link EmulatorApplication};
     * the resources ask again in case another JAX-RS application of the WAR scans them and serves them without it.
     */
    public static void requireEnabled() {
        if (!enabled()) {
            throw new EmulatorFault(Status.NOT_FOUND, DISABLED_MESSAGE);
        }
    }

    /** The first four characters and the length, e.g. {@code eyJh…(612 chars)}; only the length when short. */
    public static String mask(String secret) {
        if (secret == null) {
            return "none";
        }
        if (secret.length() <= SHOWN * 2) {
            return "…(" + secret.length() + " chars)";
        }
        return secret.substring(0, SHOWN) + "…(" + secret.length() + " chars)";
    }

    /** Refuses with 401 unless the header value is one of the configured API keys. */
    public void requireApiKey(String headerValue) {
        if (headerValue == null) {
            throw EmulatorFault.unauthorized(TokenResource.API_KEY_HEADER + " header must be given");
        }
        if (!apiKeys.contains(headerValue)) {
            throw EmulatorFault.unauthorized(TokenResource.API_KEY_HEADER + " must be a known API key, but "
                    + mask(headerValue) + " is not");
        }
    }

    /** The customer group, the {@code sub} of every token. */
    public String group() {
        return group;
    }

    /** The issuer, the {@code iss} of every token. */
    public String issuer() {
        return issuer;
    }

    /** The id of the one organisation, stable for a group. */
    public String organisationId() {
        return organisationId;
    }

    /** The key id in the header of every token. */
    public String keyId() {
        return signingKey.getKeyID();
    }

    /** The public key as a JWK Set document. */
    public String publicJwkSet() {
        return new JWKSet(signingKey.toPublicJWK()).toString(true);
    }

    /** Signs the claims as an RS256 JWT, records it and answers its compact form. */
    public String issue(Kind kind, JsonObject claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT).build();
        JWSObject jws = new JWSObject(header, new Payload(claims.toString()));
        try {
            jws.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a " + kind.wireName() + " token: " + e.getMessage(), e);
        }
        String token = jws.serialize();
        append(tokens, new IssuedToken(kind, claims, mask(token), Instant.now()));
        tokensIssued.incrementAndGet();
        return token;
    }

    /** Whether the object carries a valid signature of this emulator's key. */
    public boolean signedHere(JWSObject jws) {
        try {
            return JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())
                    && jws.verify(new RSASSAVerifier(signingKey.toRSAPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** Records a stream answer. */
    public void recordStream(JsonObject stream) {
        append(streams, stream);
        streamsMade.incrementAndGet();
    }

    /** Records a call. */
    public void recordCall(Call call) {
        append(calls, call);
        callsAnswered.incrementAndGet();
    }

    /** The tokens issued since the start or the last reset, oldest first. */
    public List<IssuedToken> tokens() {
        return snapshot(tokens);
    }

    /** The stream answers made since the start or the last reset, oldest first. */
    public List<JsonObject> streams() {
        return snapshot(streams);
    }

    /** The calls answered since the start or the last reset, oldest first. */
    public List<Call> calls() {
        return snapshot(calls);
    }

    /** How many tokens, streams and calls there were since the start or the last reset, beyond the records' cap. */
    public Map<String, Long> counts() {
        return Map.of("tokensIssued", tokensIssued.get(), "streamsMade", streamsMade.get(),
                "calls", callsAnswered.get());
    }

    /** Forgets tokens, streams and calls; keeps the key pair, so tokens issued before stay valid. */
    public void reset() {
        clear(tokens);
        clear(streams);
        clear(calls);
        tokensIssued.set(0);
        streamsMade.set(0);
        callsAnswered.set(0);
    }

    private static <T> void append(Deque<T> record, T entry) {
        synchronized (record) {
            if (record.size() >= MAX_RECORDS) {
                record.removeFirst();
            }
            record.addLast(entry);
        }
    }

    private static <T> List<T> snapshot(Deque<T> record) {
        synchronized (record) {
            return List.copyOf(record);
        }
    }

    private static void clear(Deque<?> record) {
        synchronized (record) {
            record.clear();
        }
    }
}
