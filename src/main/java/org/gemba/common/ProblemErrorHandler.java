package org.gemba.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors raised by Jetty itself, before Jersey sees the request (malformed HTTP, bad URIs,
 * oversized headers), answered as problem+json like every other error.
 */
public class ProblemErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;

    public ProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message,
                                    Throwable cause, Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, body(status), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(bytes(status));
    }

    private ByteBuffer body(int status) {
        return ByteBuffer.wrap(bytes(status));
    }

    private byte[] bytes(int status) {
        ErrorCode code = ErrorCode.forStatus(status);
        Problem p = new Problem(code.type(), code.title(), status, code.name(), code.title(), null, null);
        try {
            return mapper.writeValueAsBytes(p);
        } catch (IOException e) {
            return ("{\"status\":" + status + ",\"code\":\"" + code.name() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
