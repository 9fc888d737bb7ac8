package dev.nanomeet.meetings;

import java.time.Instant;

import dev.nanomeet.Secrets;

/** One line of an invitations file: who is invited, as what, with which link and window. */
public record Invitation(String name, String role, String inviteLink, Instant notBefore, Instant expires) {

    @Override
    public String toString() {
        return "Invitation[name=" + name + ", role=" + role + ", inviteLink=" + Secrets.mask(inviteLink) + "]";
    }
}
