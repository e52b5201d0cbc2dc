package org.gemba.notify;

/** What a notification is about. Essential types are always e-mailed; the others may be turned off. */
public enum NotificationType {
    BOOKING_MADE(true),
    BOOKING_CANCELLED(true),
    SHIFT_CHANGED(true),
    SHIFT_CANCELLED(true),
    WAITLIST_PROMOTED(true),
    WAITLIST_SKIPPED(true),
    ATTENDANCE_RECORDED(true),
    SHIFT_REMINDER(false),
    HOST_DAILY_LIST(false),
    OBSERVATION_TRIAGED(true),
    OBSERVATION_DECLINED(true),
    OBSERVATION_CLOSED(true),
    SAFETY_CONCERN_LOGGED(true),
    TRIAGE_SLA_WARNING(false),
    TRIAGE_SLA_BREACHED(false),
    ACTION_ASSIGNED(true),
    ACTION_OVERDUE(false),
    PROGRESS_NUDGE(false),
    ACCOUNT(true);

    private final boolean essential;

    NotificationType(boolean essential) {
        this.essential = essential;
    }

    public boolean essential() {
        return essential;
    }
}
