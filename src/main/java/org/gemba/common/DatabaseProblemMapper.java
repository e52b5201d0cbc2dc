package org.gemba.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net under each feature's own constraint translation: a database refusal that still
 * reaches the top is the client's input (a value PostgreSQL cannot store, a race on a unique key)
 * or a concurrency conflict, never a 500. Anything else is a bug and goes to
 * {@link UnexpectedProblemMapper}.
 */
public class DatabaseProblemMapper implements ExceptionMapper<JdbiException> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProblemMapper.class);
    private final UnexpectedProblemMapper unexpected = new UnexpectedProblemMapper();

    @Override
    public Response toResponse(JdbiException e) {
        PSQLException pg = find(e);
        String state = pg == null ? null : pg.getSQLState();
        if (state == null) {
            return unexpected.toResponse(e);
        }
        ServerErrorMessage server = pg.getServerErrorMessage();
        String constraint = server == null ? null : server.getConstraint();
        // state and constraint name only: the message could quote the client's data
        LOG.warn("database refused a request: SQLState {} constraint {}", state, constraint);
        if ("23505".equals(state) && "users_email_key".equals(constraint)) {
            return ProblemResponses.of(ErrorCode.VALIDATION_FAILED, "email: is already in use",
                    List.of(new FieldError("email", "is already in use")));
        }
        if ("23P01".equals(state) && "bookings_no_overlap".equals(constraint)) {
            return ProblemResponses.of(ErrorCode.OVERLAPPING_BOOKING, "The leader already has a booking at that time.");
        }
        if (state.startsWith("22") || "23514".equals(state) || "23502".equals(state) || "23503".equals(state)) {
            return ProblemResponses.of(ErrorCode.VALIDATION_FAILED,
                    "A value is out of range, refers to something that does not exist, or contains characters that cannot be stored.");
        }
        if (state.startsWith("23")) {
            return ProblemResponses.of(ErrorCode.CONFLICT, "This conflicts with the current state; fetch it again and retry.");
        }
        if ("40001".equals(state) || "40P01".equals(state) || "55P03".equals(state)) {
            return ProblemResponses.of(ErrorCode.CONFLICT, "A concurrent change got there first; please retry.");
        }
        return unexpected.toResponse(e);
    }

    private static PSQLException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException pg) {
                return pg;
            }
        }
        return null;
    }
}
