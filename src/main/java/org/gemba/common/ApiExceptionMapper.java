package org.gemba.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
        return ProblemResponses.of(Problem.of(e.code(), e.getMessage(), e.errors()), e.headers());
    }
}
