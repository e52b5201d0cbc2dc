package org.gemba.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bug: logged with an errorId that the client receives, never a stack trace or message. */
public class UnexpectedProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedProblemMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof org.eclipse.jetty.io.EofException || e.getCause() instanceof org.eclipse.jetty.io.EofException) {
            // the client went away mid-request; nothing to answer
            return ProblemResponses.of(ErrorCode.BAD_REQUEST, "The request body ended early");
        }
        String errorId = Long.toHexString(ThreadLocalRandom.current().nextLong());
        LOG.error("Unexpected error, errorId={}", errorId, e);
        return ProblemResponses.of(Problem.internal(errorId), java.util.Map.of());
    }
}
