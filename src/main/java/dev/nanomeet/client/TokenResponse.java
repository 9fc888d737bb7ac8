package dev.nanomeet.client;

import dev.nanomeet.Secrets;

/** The token service's answer: {@code {"data": "<JWT>"}}. */
public record TokenResponse(String data) {

    @Override
    public String toString() {
        return "TokenResponse[data=" + Secrets.mask(data) + "]";
    }
}
