package dev.nanomeet.client;

/** The body of {@code POST /nanomeet} for an invite token; a null nbf or exp is left out, keeping the parent's. */
public record InviteTokenRequest(boolean moderator, String server, String exp, String nbf) {
}
