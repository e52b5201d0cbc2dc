package org.gemba.common;

/** Every error code of the API contract, with its HTTP status and problem title. */
public enum ErrorCode {
    MALFORMED_JSON(400, "Malformed JSON"),
    BAD_REQUEST(400, "Bad request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    SHIFT_FULL(409, "Shift is full"),
    OVERLAPPING_BOOKING(409, "Overlapping booking"),
    TOO_LATE_TO_BOOK(409, "Too late to book"),
    TOO_LATE_TO_CANCEL(409, "Too late to cancel"),
    SHIFT_CANCELLED(409, "Shift is cancelled"),
    ALREADY_BOOKED(409, "Already booked"),
    PLACEMENT_WEEKLY_CAP(409, "Placement weekly cap reached"),
    OWN_DIRECTORATE(409, "Placement is closed to the leader's own directorate"),
    INVALID_TRANSITION(409, "Invalid transition"),
    CAPACITY_BELOW_BOOKINGS(409, "Capacity below current bookings"),
    SHIFT_NOT_STARTED(409, "Shift has not started"),
    CONFLICT(409, "Conflict"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    VALIDATION_FAILED(422, "Validation failed"),
    UNKNOWN_FIELD(422, "Unknown field"),
    MISSING_TRAINING(422, "Missing training"),
    NONEXISTENT_LOCAL_TIME(422, "Nonexistent local time"),
    INVALID_RRULE(422, "Invalid recurrence rule"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    TOO_MANY_ATTEMPTS(429, "Too many attempts"),
    INTERNAL(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The RFC 9457 {@code type}, e.g. {@code /problems/shift-full}. */
    public String type() {
        return "/problems/" + name().toLowerCase().replace('_', '-');
    }

    /** The code a bare HTTP status maps to when no layer gave a more precise one. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_FAILED;
            case 429 -> TOO_MANY_ATTEMPTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
