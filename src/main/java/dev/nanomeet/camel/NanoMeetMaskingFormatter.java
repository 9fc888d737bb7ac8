package dev.nanomeet.camel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.support.processor.DefaultMaskingFormatter;

import dev.nanomeet.Secrets;

/**
 * Camel's log mask with nanoMeet's secrets added: what Camel masks anyway (passwords, keys), and every token,
 * invite link and RTMP ingest URL, shown as its first characters and length. The bootstrap installs it with
 * {@code logMask} on, so {@code log:} endpoints, the log EIP and tracing print no secret of a nanoMeet exchange.
 */
public class NanoMeetMaskingFormatter implements MaskingFormatter {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    private static final Pattern RTMP = Pattern.compile("rtmp://[^\\s,\\]}\"']+");

    private final MaskingFormatter camel = new DefaultMaskingFormatter();

    @Override
    public String format(String text) {
        if (text == null) {
            return null;
        }
        return mask(RTMP, mask(JWT, camel.format(text)));
    }

    private static String mask(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(Secrets.mask(matcher.group())));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
