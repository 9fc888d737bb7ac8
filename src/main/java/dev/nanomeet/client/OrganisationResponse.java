package dev.nanomeet.client;

/** The parts of {@code GET /organisation} that the module uses. */
public record OrganisationResponse(String id, String name) {
}
