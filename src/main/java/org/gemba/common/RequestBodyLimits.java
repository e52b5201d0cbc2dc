package org.gemba.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Bodies over 1 MiB are refused (413) before they are buffered, whether or not the client
 * declared their length; a body that is required but empty (or JSON {@code null}) is 400.
 */
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class RequestBodyLimits implements ContainerRequestFilter, ReaderInterceptor {
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream()));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 1);
        int first = in.read();
        if (first == -1) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "A JSON body is required.");
        }
        in.unread(first);
        context.setInputStream(in);
        Object body = context.proceed();
        if (body == null) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The body must be a JSON object.");
        }
        return body;
    }

    private static ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The body may be at most 1 MiB.");
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private long count;

        LimitedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > MAX_BODY_BYTES) {
                throw tooLarge();
            }
        }
    }
}
