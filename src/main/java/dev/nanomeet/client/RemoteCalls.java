package dev.nanomeet.client;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import dev.nanomeet.NanoMeetException;
import dev.nanomeet.NanoMeetTimeoutException;
import dev.nanomeet.NanoMeetUnavailableException;

/** Turns every failure of a call on the REST clients into a {@link NanoMeetException} that names the operation. */
public final class RemoteCalls {

    private RemoteCalls() {
    }

    /** The module's exception for any failure of a remote call. */
    public static NanoMeetException translate(String operation, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof NanoMeetException known) {
            return known.withOperation(operation);
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse() == null ? 0 : web.getResponse().getStatus();
            return NanoMeetResponseExceptionMapper.forStatus(status, web.getMessage()).withOperation(operation);
        }
        boolean cutOff = causedBy(cause, "java.io.IOException");
        if (!cutOff && (causedBy(cause, "jakarta.json.stream.JsonParsingException")
                || causedBy(cause, "jakarta.json.bind.JsonbException"))) {
            return new NanoMeetException(operation, 200, "the answer was not the JSON expected", cause);
        }
        if (isTimeout(cause)) {
            return new NanoMeetTimeoutException(operation, 0, "no answer within the read timeout", cause);
        }
        if (cause instanceof ProcessingException || cause instanceof java.io.IOException) {
            return new NanoMeetUnavailableException(operation, 0, "the service could not be reached ("
                    + rootMessage(cause) + ")", cause);
        }
        return new NanoMeetException(operation, 0, rootMessage(cause), cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isTimeout(Throwable failure) {
        return causedBy(failure, t -> t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                || t instanceof TimeoutException);
    }

    /** Whether the failure or one of its causes is of a type named so (a type the module may not have loaded). */
    private static boolean causedBy(Throwable failure, String typeName) {
        return causedBy(failure, t -> {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals(typeName)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Whether the failure or one of its causes is such. */
    public static boolean causedBy(Throwable failure, Predicate<Throwable> such) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (such.test(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return root.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
