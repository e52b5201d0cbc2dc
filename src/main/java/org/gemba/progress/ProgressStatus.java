package org.gemba.progress;

/** The statuses of SPEC, in the report's order: most in need of attention first. */
public enum ProgressStatus {
    NOT_MET, BEHIND, AT_RISK, ON_TRACK, COMPLETE, EXEMPT
}
