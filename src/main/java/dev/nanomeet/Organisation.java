package dev.nanomeet;

/** The nanoStream Cloud organisation an API key belongs to. */
public record Organisation(String id, String name) {
}
