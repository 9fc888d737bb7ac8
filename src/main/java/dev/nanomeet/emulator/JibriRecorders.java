package dev.nanomeet.emulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The emulator's pool of Jibri recorders, numbered from 0, and the RTMP URLs they may stream to. */
@ApplicationScoped
public class JibriRecorders {

    /** How many recorders the pool holds; 2 unless set. */
    public static final String RECORDERS = "nanomeet.emulator.recorders";
    /** The prefixes, comma-separated, one of which each RTMP URL a recorder streams to must start with. */
    public static final String ALLOWED_RTMP = "nanomeet.emulator.recorder.allowed-rtmp";
    /** The pool's size unless {@value #RECORDERS} is set. */
    public static final int DEFAULT_RECORDERS = 2;
    /** The allowed prefix unless {@value #ALLOWED_RTMP} is set: the ingest of nanoStream Cloud's broadcasts. */
    public static final String DEFAULT_ALLOWED_RTMP = "rtmp://bintu-vtrans.nanocosmos.de/";

    private static final Logger LOG = Logger.getLogger(JibriRecorders.class.getName());
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,8}");

    private final Clock clock = Clock.systemUTC();

    private List<JibriRecorder> recorders;
    private List<String> allowedRtmp;

    /** Reads the configuration and makes the recorders. */
    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        int count = config.getOptionalValue(RECORDERS, Integer.class).orElse(DEFAULT_RECORDERS);
        if (count < 0) {
            throw new IllegalStateException(RECORDERS + " must be at least 0, but is " + count);
        }
        String prefixes = config.getOptionalValue(ALLOWED_RTMP, String.class).orElse(DEFAULT_ALLOWED_RTMP);
        allowedRtmp = Arrays.stream(prefixes.split(",")).map(String::trim).filter(prefix -> !prefix.isEmpty())
                .toList();
        if (allowedRtmp.isEmpty()) {
            throw new IllegalStateException(ALLOWED_RTMP + " must name at least one RTMP URL prefix, but names none");
        }

        recorders = IntStream.range(0, count).mapToObj(JibriRecorder::new).toList();
        String where = count == 0 ? "" : " at /" + EmulatorApplication.PATH + "/jibri/0 to " + (count - 1);
        LOG.info(() -> "nanoMeet emulator runs " + count + " Jibri recorders" + where
                + ", streaming only to RTMP URLs below " + String.join(", ", allowedRtmp));
    }

    /** Makes the recorders when the application starts rather than on the first request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Delivering the event is enough: CDI creates this bean for it, which runs init().
    }

    /** The instant every recorder's state is read at. */
    public Instant now() {
        return clock.instant();
    }

    /** The recorder of the number as a path gives it, refusing with 404 one the pool does not have. */
    public JibriRecorder recorder(String number) {
        if (number != null && NUMBER.matcher(number).matches()) {
            int index = Integer.parseInt(number);
            if (index < recorders.size()) {
                return recorders.get(index);
            }
        }
        String shown = number != null && number.length() <= 9 && number.chars().allMatch(Character::isDigit)
                ? number : "not a recorder number";
        String rule = recorders.isEmpty() ? "one of the pool's, but the pool is empty"
                : "a number from 0 to " + (recorders.size() - 1);
        throw EmulatorFault.notFound("recorder must be " + rule + ", but is " + shown);
    }

    /** Every recorder, in order of number. */
    public List<JibriRecorder> all() {
        return recorders;
    }

    /** The prefixes one of which each RTMP URL to stream to must start with. */
    public List<String> allowedRtmp() {
        return allowedRtmp;
    }

    /** Ends every session and restores every recorder's defaults. */
    public void reset() {
        recorders.forEach(JibriRecorder::reset);
    }
}
