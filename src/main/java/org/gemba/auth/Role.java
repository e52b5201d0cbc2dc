package org.gemba.auth;

public enum Role {
    LEADER, HOST, HR, IMPROVEMENT, ADMIN;

    /** Role names as constants, for {@code @RolesAllowed}. */
    public static final String L = "LEADER";
    public static final String H = "HOST";
    public static final String HR_ = "HR";
    public static final String I = "IMPROVEMENT";
    public static final String A = "ADMIN";
}
