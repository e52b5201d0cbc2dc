package org.gemba.common;

/** One wrong field of a request, named as the client sent it. */
public record FieldError(String field, String message) {}
