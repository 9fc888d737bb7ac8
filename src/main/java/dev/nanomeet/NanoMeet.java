package dev.nanomeet;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.nanomeet.client.BintuClient;
import dev.nanomeet.client.InviteTokenRequest;
import dev.nanomeet.client.JibriClient;
import dev.nanomeet.client.OrganisationResponse;
import dev.nanomeet.client.Recorders;
import dev.nanomeet.client.RemoteCalls;
import dev.nanomeet.client.RetryPolicy;
import dev.nanomeet.client.RoomTokenRequest;
import dev.nanomeet.client.ServiceGuard;
import dev.nanomeet.client.ServiceGuard.Repeat;
import dev.nanomeet.client.StreamRequest;
import dev.nanomeet.client.StreamResponse;
import dev.nanomeet.client.TokenResponse;
import dev.nanomeet.client.TokenServiceClient;

/**
 * nanoMeet for Java: rooms, invites and streams. Inject it in a Jakarta EE application, or build one with
 * {@link #NanoMeet(TokenServiceClient, BintuClient, NanoMeetSettings, Clock)} elsewhere. Every input is checked
 * before any remote call; every failure is a {@link NanoMeetException}.
 */
@ApplicationScoped
public class NanoMeet {

    static final String CREATE_ROOM = "create room token";
    static final String CREATE_INVITE = "create invite token";
    static final String CREATE_STREAM = "create stream";
    static final String VALIDATE_API_KEY = "validate API key";
    static final String EMBED = "embed meeting";

    private static final Logger LOG = Logger.getLogger(NanoMeet.class.getName());
    private static final String STREAM_TAG = "nanoMeet";
    private static final long START_LEEWAY_SECONDS = 5;

    private final TokenServiceClient tokens;
    private final BintuClient bintu;
    private final NanoMeetSettings settings;
    private final Broadcasts broadcasts;
    private final ServiceGuard tokenGuard;
    private final ServiceGuard bintuGuard;
    private final CallObserver observer;
    private final TokenVerifier verifier;
    private final Clock clock;
    private volatile Executor executor;

    /** For CDI's proxies only. */
    protected NanoMeet() {
        this.tokens = null;
        this.bintu = null;
        this.settings = null;
        this.broadcasts = null;
        this.tokenGuard = null;
        this.bintuGuard = null;
        this.observer = null;
        this.verifier = null;
        this.clock = null;
    }

    public NanoMeet(TokenServiceClient tokens, BintuClient bintu, Config config) {
        this(tokens, bintu, config, CallObserver.NONE);
    }

    @Inject
    public NanoMeet(@RestClient TokenServiceClient tokens, @RestClient BintuClient bintu, Config config,
            Instance<CallObserver> observers) {
        this(tokens, bintu, config, observers.isResolvable() ? observers.get() : CallObserver.NONE);
    }

    private NanoMeet(TokenServiceClient tokens, BintuClient bintu, Config config, CallObserver observer) {
        this(tokens, bintu, recorderClients(BroadcastSettings.from(config), config), NanoMeetSettings.from(config),
                BroadcastSettings.from(config), RetryPolicy.from(config), observer, TokenVerifier.from(config),
                Clock.systemUTC());
    }

    /** A NanoMeet without recorders: rooms, invites and streams only. */
    public NanoMeet(TokenServiceClient tokens, BintuClient bintu, NanoMeetSettings settings, Clock clock) {
        this(tokens, bintu, Map.of(), settings, BroadcastSettings.defaults(), RetryPolicy.defaults(), clock);
    }

    /**
     * A NanoMeet with a pool of recorders, each a base URL and its client (see {@code Recorders.client}), and the
     * bounds of retries and circuit breakers.
     */
    public NanoMeet(TokenServiceClient tokens, BintuClient bintu, Map<URI, JibriClient> recorders,
            NanoMeetSettings settings, BroadcastSettings broadcastSettings, RetryPolicy retryPolicy, Clock clock) {
        this(tokens, bintu, recorders, settings, broadcastSettings, retryPolicy, CallObserver.NONE, clock);
    }

    /** As above, with an observer that hears of every remote call (see {@link CallObserver}). */
    public NanoMeet(TokenServiceClient tokens, BintuClient bintu, Map<URI, JibriClient> recorders,
            NanoMeetSettings settings, BroadcastSettings broadcastSettings, RetryPolicy retryPolicy,
            CallObserver observer, Clock clock) {
        this(tokens, bintu, recorders, settings, broadcastSettings, retryPolicy, observer, TokenVerifier.none(), clock);
    }

    /** As above, checking the signature of every token given or received with {@code verifier}. */
    public NanoMeet(TokenServiceClient tokens, BintuClient bintu, Map<URI, JibriClient> recorders,
            NanoMeetSettings settings, BroadcastSettings broadcastSettings, RetryPolicy retryPolicy,
            CallObserver observer, TokenVerifier verifier, Clock clock) {
        this.tokens = tokens;
        this.bintu = bintu;
        this.settings = settings;
        this.broadcasts = new Broadcasts(recorders, broadcastSettings, retryPolicy, observer, clock);
        this.tokenGuard = new ServiceGuard("token service", retryPolicy, observer);
        this.bintuGuard = new ServiceGuard("nanoStream Cloud API", retryPolicy, observer);
        this.observer = observer;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** Who hears of the calls: the CDI bean of {@link CallObserver}, or no one. */
    public CallObserver observer() {
        return observer;
    }

    /** The settings in force. */
    public NanoMeetSettings settings() {
        return settings;
    }

    /**
     * Creates a room: the seed's {@code createNanoMeetRoom}. When the setup names no stream, a stream is created
     * first; when it names no server, validity start or end, the configured defaults apply.
     */
    public Room createRoom(RoomSetup setup) {
        RoomPlan plan = planRoom(setup);
        String streamname = plan.streamname() != null ? plan.streamname() : createStream().streamname();
        return roomToken(plan, streamname);
    }

    /**
     * Creates a stream and a room on it, as the seed's token creator does, and answers both: the stream's id and
     * playouts are what a room alone does not tell. The setup must name no stream; it is checked before the stream
     * is created.
     */
    public StreamRoom createRoomWithStream(RoomSetup setup) {
        if (setup != null && setup.streamname() != null) {
            throw new NanoMeetInvalidInputException(CREATE_ROOM, "streamname", "absent: a new stream is created");
        }
        RoomPlan plan = planRoom(setup);
        LiveStream stream = createStream();
        return new StreamRoom(roomToken(plan, stream.streamname()), stream);
    }

    private Room roomToken(RoomPlan plan, String streamname) {
        RoomTokenRequest request = plan.request(streamname);

        TokenResponse answer = tokenGuard.call(CREATE_ROOM, Repeat.SAFE,
                () -> tokens.createRoomToken(plan.apiKey(), request));
        return room(request, answer);
    }

    /** The asynchronous form of {@link #createRoom}: checked at once, then run on the server's executor. */
    public CompletionStage<Room> createRoomAsync(RoomSetup setup) {
        return checked(() -> planRoom(setup)).thenApplyAsync(plan -> createRoom(setup), executor());
    }

    /**
     * Creates an invite with a moderator's token: the seed's {@code createInviteToken}. Without a window of its own
     * the invite keeps the parent token's; a window of its own must lie inside the parent's.
     */
    public Invite createInvite(String moderatorToken, InviteSetup setup) {
        InviteTokenRequest request = planInvite(moderatorToken, setup);

        TokenResponse answer = tokenGuard.call(CREATE_INVITE, Repeat.SAFE,
                () -> tokens.createInviteToken(moderatorToken, request));
        return invite(answer);
    }

    /** The asynchronous form of {@link #createInvite}. */
    public CompletionStage<Invite> createInviteAsync(String moderatorToken, InviteSetup setup) {
        return checked(() -> planInvite(moderatorToken, setup))
                .thenApplyAsync(request -> createInvite(moderatorToken, setup), executor());
    }

    /** Checks the configured API key with nanoStream Cloud and answers the organisation it belongs to. */
    public Organisation validateApiKey() {
        String apiKey = apiKey(VALIDATE_API_KEY);
        return organisation(bintuGuard.call(VALIDATE_API_KEY, Repeat.SAFE, () -> bintu.organisation(apiKey)));
    }

    /** The asynchronous form of {@link #validateApiKey}. */
    public CompletionStage<Organisation> validateApiKeyAsync() {
        return checked(() -> apiKey(VALIDATE_API_KEY)).thenApplyAsync(apiKey -> validateApiKey(), executor());
    }

    /** Creates a live stream for a room, tagged nanoMeet, with the configured transcodes for adaptive playback. */
    public LiveStream createStream() {
        String apiKey = apiKey(CREATE_STREAM);
        StreamRequest request = streamRequest();

        StreamResponse answer = bintuGuard.call(CREATE_STREAM, Repeat.UNSAFE, () -> bintu.createStream(apiKey, request));
        return stream(answer);
    }

    /** The asynchronous form of {@link #createStream}. */
    public CompletionStage<LiveStream> createStreamAsync() {
        return checked(() -> apiKey(CREATE_STREAM)).thenApplyAsync(apiKey -> createStream(), executor());
    }

    /**
     * Starts broadcasting the token's meeting to nanoStream Cloud: the seed's {@code startBroadcast(isVOD)}. Only a
     * moderator token of an unexpired room may start. The answer is ACCEPTED: the recorder took the request; the
     * broadcast is RUNNING once the recorder's health says so ({@link #broadcastStatus}).
     */
    public Broadcast startBroadcast(String moderatorToken, BroadcastSetup setup) {
        TokenClaims room = startClaims(moderatorToken);
        return broadcasts.start(room, setup == null ? BroadcastSetup.live() : setup);
    }

    /** The asynchronous form of {@link #startBroadcast}. */
    public CompletionStage<Broadcast> startBroadcastAsync(String moderatorToken, BroadcastSetup setup) {
        return checked(() -> startClaims(moderatorToken))
                .thenApplyAsync(room -> broadcasts.start(room, setup == null ? BroadcastSetup.live() : setup),
                        executor());
    }

    /**
     * Stops the broadcast of the token's room on the recorder that runs it: the seed's {@code stopBroadcast()}. A room
     * that is not broadcasting answers as it is (NONE, STOPPED or FAILED), so a stop is safe to repeat. A moderator
     * token whose room has expired may still stop.
     */
    public Broadcast stopBroadcast(String moderatorToken) {
        return stopBroadcast(moderatorToken, null);
    }

    /**
     * Stops the broadcast of the token's room; when this module does not remember it (it was started before a
     * restart), it is stopped on the recorder at {@code recorder}, one of {@code nanomeet.recorders}.
     */
    public Broadcast stopBroadcast(String moderatorToken, String recorder) {
        TokenClaims room = moderatorClaims(Broadcasts.STOP, "stop broadcasts", moderatorToken, true);
        return broadcasts.stop(room.room(), recorder);
    }

    /** The asynchronous form of {@link #stopBroadcast}. */
    public CompletionStage<Broadcast> stopBroadcastAsync(String moderatorToken) {
        return checked(() -> moderatorClaims(Broadcasts.STOP, "stop broadcasts", moderatorToken, true))
                .thenApplyAsync(room -> broadcasts.stop(room.room(), null), executor());
    }

    /** The broadcast of a room, its state read from its recorder now; NONE when it has not broadcast here. */
    public Broadcast broadcastStatus(String room) {
        return broadcasts.status(NanoMeetRules.room("room", room));
    }

    /** The broadcasts that run or are about to, each state read from its recorder now. */
    public List<Broadcast> broadcasts() {
        return broadcasts.refresh();
    }

    /** The recorders of the pool, by base URL. */
    public List<String> recorders() {
        return broadcasts.recorderUrls();
    }

    /**
     * Calls {@code listener} on every change of a broadcast's state, as starts, stops and health reads find it.
     *
     * @return what removes the listener
     */
    public Runnable onBroadcastChange(Consumer<BroadcastChange> listener) {
        return broadcasts.listen(listener);
    }

    /**
     * The embed of the token's meeting in a page, as the seed's {@code init(config)} makes it; no remote call. A token
     * that {@code init} refuses (not a nanoMeet token, without room, streamname or group, not yet valid, expired) is
     * refused here with the reason, as is a malformed div id, size or branding URL.
     */
    public MeetingEmbed embed(String token, EmbedSetup setup) {
        try {
            EmbedSetup embed = setup == null ? EmbedSetup.defaults() : setup;
            String id = NanoMeetRules.elementId("id", embed.id() == null ? EmbedSetup.DEFAULT_ID : embed.id());
            Integer width = NanoMeetRules.pixels("width", embed.width());
            Integer height = NanoMeetRules.pixels("height", embed.height());
            String branding = embed.branding() == null ? null : NanoMeetRules.webUrl("branding", embed.branding());
            TokenClaims claims = Tokens.claims("token", token, verifier);
            Instant now = clock.instant();
            if (claims.notBefore() != null && now.isBefore(claims.notBefore())) {
                throw new NanoMeetInvalidInputException("token", "valid already (it is valid from "
                        + claims.notBefore() + ")");
            }
            if (claims.expires() != null && !now.isBefore(claims.expires())) {
                throw new NanoMeetInvalidInputException("token", "unexpired (it expired at " + claims.expires() + ")");
            }
            return new MeetingEmbed(id, width, height, branding, settings.embedScript(), token, claims);
        } catch (NanoMeetException e) {
            throw e.withOperation(EMBED);
        }
    }

    /** The link that opens the token's meeting on the invite page ({@code nanomeet.invite.page}). */
    public String meetingLink(String token) {
        Tokens.claims("token", token, verifier);
        return settings.linkFor(token);
    }

    /**
     * What a token says: room, stream, server, group, role and validity. Refuses what is not a nanoMeet token and, when
     * {@code nanomeet.token.keys-url} or {@code nanomeet.token.secret} is set, what its issuer did not sign.
     */
    public TokenClaims claims(String token) {
        return Tokens.claims("token", token, verifier);
    }

    private RoomPlan planRoom(RoomSetup setup) {
        if (setup == null) {
            throw new NanoMeetInvalidInputException(CREATE_ROOM, "roomSetup", "given");
        }
        try {
            String apiKey = apiKey(CREATE_ROOM);
            String room = NanoMeetRules.room("room", setup.room());
            String server = NanoMeetRules.server("server", setup.server() == null ? settings.server() : setup.server());
            String streamname = setup.streamname() == null ? null
                    : NanoMeetRules.streamname("streamname", setup.streamname());
            Instant now = clock.instant();
            Instant notBefore = seconds(setup.notBefore() == null ? now : Iso8601.bounded("nbf", setup.notBefore()));
            Iso8601.bounded("exp", setup.expires());
            Instant expires = seconds(setup.expires() != null ? setup.expires() : notBefore.plus(validity(setup)));
            NanoMeetRules.window("nbf", "exp", notBefore, expires, now);
            return new RoomPlan(apiKey, room, server, streamname, setup.moderator(), notBefore, expires);
        } catch (NanoMeetException e) {
            throw e.withOperation(CREATE_ROOM);
        }
    }

    private InviteTokenRequest planInvite(String moderatorToken, InviteSetup setup) {
        try {
            InviteSetup invite = setup == null ? InviteSetup.forParticipant() : setup;
            TokenClaims parent = moderatorClaims(CREATE_INVITE, "create invites", moderatorToken, false);
            Instant now = clock.instant();
            if (invite.notBefore() == null && invite.expires() == null && invite.validity() == null) {
                return new InviteTokenRequest(invite.moderator(), parent.server(), null, null);
            }

            Instant notBefore = seconds(invite.notBefore() != null ? Iso8601.bounded("nbf", invite.notBefore())
                    : parent.notBefore() != null ? parent.notBefore() : now);
            Instant expires = seconds(invite.expires() != null ? Iso8601.bounded("exp", invite.expires())
                    : invite.validity() != null ? notBefore.plus(Iso8601.bounded("validity", invite.validity()))
                    : parent.expires());
            if (expires == null) {
                throw new NanoMeetInvalidInputException("exp", "given: the moderator token has no exp to keep");
            }
            if (invite.expires() == null && invite.validity() == null && !expires.isAfter(notBefore)) {
                throw new NanoMeetInvalidInputException("nbf", "before the moderator token's exp (" + expires + ")");
            }
            NanoMeetRules.within("nbf", "exp", notBefore, expires, parent);
            NanoMeetRules.window("nbf", "exp", notBefore, expires, now);
            return new InviteTokenRequest(invite.moderator(), parent.server(), expires.toString(),
                    notBefore.toString());
        } catch (NanoMeetException e) {
            throw e.withOperation(CREATE_INVITE);
        }
    }

    /**
     * A moderator's token that is valid now: a meeting that has not opened yet is not broadcast. A timer that fires a
     * moment early, or a clock a little behind the issuer's, is given {@value #START_LEEWAY_SECONDS} seconds.
     */
    private TokenClaims startClaims(String token) {
        TokenClaims claims = moderatorClaims(Broadcasts.START, "start broadcasts", token, false);
        if (claims.notBefore() != null
                && clock.instant().plusSeconds(START_LEEWAY_SECONDS).isBefore(claims.notBefore())) {
            throw new NanoMeetInvalidInputException(Broadcasts.START, "token", "valid already (it is valid from "
                    + claims.notBefore() + ")");
        }
        return claims;
    }

    private TokenClaims moderatorClaims(String operation, String purpose, String token, boolean expiredAllowed) {
        try {
            TokenClaims claims = Tokens.claims("token", token, verifier);
            if (!claims.moderator()) {
                throw new NanoMeetInvalidInputException("token", "a moderator's token to " + purpose);
            }
            if (!expiredAllowed && claims.expires() != null && !clock.instant().isBefore(claims.expires())) {
                throw new NanoMeetInvalidInputException("token", "unexpired (it expired at " + claims.expires() + ")");
            }
            return claims;
        } catch (NanoMeetException e) {
            throw e.withOperation(operation);
        }
    }

    private static Map<URI, JibriClient> recorderClients(BroadcastSettings settings, Config config) {
        Map<URI, JibriClient> clients = new LinkedHashMap<>();
        for (URI url : settings.recorders()) {
            clients.put(url, Recorders.client(url, config));
        }
        return clients;
    }

    /** Where asynchronous calls run: the server's managed executor when there is one. */
    private Executor executor() {
        Executor found = executor;
        if (found == null) {
            try {
                found = (Executor) new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
            } catch (NamingException | RuntimeException e) {
                LOG.fine("No managed executor (the concurrent feature): asynchronous calls run on the common pool");
                found = ForkJoinPool.commonPool();
            }
            executor = found;
        }
        return found;
    }

    private Duration validity(RoomSetup setup) {
        return Iso8601.bounded("validity", setup.validity() == null ? settings.defaultValidity() : setup.validity());
    }

    /**
     * Whether the services answer and take the API key, and the state of their circuit breakers: what readiness
     * reports. Nothing secret is in it.
     */
    public ServiceStatus serviceStatus() {
        String tokenService;
        try {
            tokens.createRoomToken(null, null);
            tokenService = "reachable";
        } catch (RuntimeException e) {
            NanoMeetException failure = RemoteCalls.translate("reach token service", e);
            boolean unreachable = failure instanceof NanoMeetUnavailableException
                    || failure instanceof NanoMeetTimeoutException;
            tokenService = unreachable ? "unreachable: " + failure.serviceMessage() : "reachable";
        }
        String apiKey;
        if (settings.apiKey() == null || settings.apiKey().isBlank()) {
            apiKey = "unset";
        } else {
            try {
                validateApiKey();
                apiKey = "accepted";
            } catch (NanoMeetUnauthorizedException | NanoMeetForbiddenException e) {
                apiKey = "refused";
            } catch (NanoMeetException e) {
                apiKey = "unknown: " + e.getMessage();
            }
        }
        return new ServiceStatus(tokenService, apiKey, Secrets.mask(settings.apiKey()), tokenGuard.state().name(),
                bintuGuard.state().name());
    }

    /** Tokens count in whole seconds; so do the instants the module reports. */
    private static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private String apiKey(String operation) {
        String apiKey = settings.apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new NanoMeetInvalidInputException(operation, "nanomeet.api-key",
                    "set (in MicroProfile Config or the environment variable NANOMEET_API_KEY)");
        }
        return apiKey;
    }

    private StreamRequest streamRequest() {
        return new StreamRequest(List.of(STREAM_TAG),
                settings.transcodes().stream().map(StreamRequest.Transcode::new).toList());
    }

    private Room room(RoomTokenRequest request, TokenResponse answer) {
        String token = tokenOf(CREATE_ROOM, answer);
        LOG.fine(() -> "Created room " + request.room() + " on " + request.server() + ", token " + Secrets.mask(token));
        return new Room(Instant.parse(request.exp()), Instant.parse(request.nbf()), request.room(), request.server(),
                request.streamname(), request.moderator(), token);
    }

    private Invite invite(TokenResponse answer) {
        String token = tokenOf(CREATE_INVITE, answer);
        TokenClaims claims;
        try {
            claims = Tokens.claims("invite token", token, verifier);
        } catch (NanoMeetInvalidInputException e) {
            throw new NanoMeetException(CREATE_INVITE, 200, "the answer held no readable nanoMeet token (it must be "
                    + e.rule() + ")", e);
        }
        LOG.fine(() -> "Created " + (claims.moderator() ? "moderator" : "participant") + " invite for room "
                + claims.room() + ", token " + Secrets.mask(token));
        return new Invite(claims.moderator(), token, settings.linkFor(token), claims.room(),
                claims.notBefore(), claims.expires());
    }

    private static String tokenOf(String operation, TokenResponse answer) {
        if (answer == null || answer.data() == null || answer.data().isBlank()) {
            throw new NanoMeetException(operation, 200, "the answer held no token (no data)", null);
        }
        return answer.data();
    }

    private static LiveStream stream(StreamResponse answer) {
        if (answer == null || answer.id() == null || answer.ingest() == null || answer.ingest().rtmp() == null
                || answer.ingest().rtmp().streamname() == null) {
            throw new NanoMeetException(CREATE_STREAM, 200, "the answer held no stream id or ingest stream name",
                    null);
        }
        List<String> playouts = answer.playout() == null || answer.playout().h5live() == null ? List.of()
                : answer.playout().h5live().stream().map(StreamResponse.H5Live::id).toList();
        LOG.fine(() -> "Created stream " + answer.id());
        return new LiveStream(answer.id(), answer.ingest().rtmp().streamname(), playouts);
    }

    private static Organisation organisation(OrganisationResponse answer) {
        if (answer == null) {
            throw new NanoMeetException(VALIDATE_API_KEY, 200, "the answer held no organisation", null);
        }
        return new Organisation(answer.id(), answer.name());
    }

    private static <T> CompletionStage<T> checked(Supplier<T> check) {
        try {
            return CompletableFuture.completedFuture(check.get());
        } catch (NanoMeetException e) {
            LOG.log(Level.FINE, "Refused before any call: {0}", e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A room setup with every default applied and every rule checked. */
    private record RoomPlan(String apiKey, String room, String server, String streamname, boolean moderator,
            Instant notBefore, Instant expires) {

        RoomTokenRequest request(String stream) {
            return new RoomTokenRequest(expires.toString(), notBefore.toString(), room, stream, moderator, server);
        }

        @Override
        public String toString() {
            return "RoomPlan[room=" + room + ", apiKey=" + Secrets.mask(apiKey) + "]";
        }
    }
}
