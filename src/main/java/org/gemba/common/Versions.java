package org.gemba.common;

/** ETags and If-Match for optimistic concurrency on mutable resources. */
public final class Versions {
    private Versions() {}

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** Refuses with 412 when the client sent an If-Match that names another version. */
    public static void checkIfMatch(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag(currentVersion))) {
                return;
            }
        }
        throw new ApiException(ErrorCode.PRECONDITION_FAILED,
                "The resource has changed (now version " + currentVersion + "); fetch it again.");
    }
}
