package org.gemba.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.gemba.common.ErrorCode;
import org.gemba.common.Problem;
import org.gemba.common.ProblemResponses;

/** 401 as problem+json, with the challenge that tells clients how to authenticate. */
public class ProblemUnauthorizedHandler implements UnauthorizedHandler {
    @Override
    public Response buildResponse(String prefix, String realm) {
        return ProblemResponses.of(Problem.of(ErrorCode.UNAUTHENTICATED,
                        "Send HTTP Basic credentials (e-mail and password) or a bearer API token."),
                Map.of("WWW-Authenticate", prefix + " realm=\"" + realm + "\""));
    }
}
