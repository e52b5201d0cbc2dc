package org.gemba.scheduling.calendar;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.request.logging.RequestLogFactory;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.component.ContainerLifeCycle;

/**
 * Keeps calendar feed tokens out of the request log: the token is the only credential of a feed
 * URL, and a log line is read by more people than the leader. Wraps whatever request log the
 * configuration builds (server.requestLog) and hands it the request with {@code /calendar/<token>}
 * rewritten to {@code /calendar/***}, so every pattern (%U, %r, ...) and appender sees the masked path.
 */
public final class TokenMaskingRequestLog extends ContainerLifeCycle implements RequestLog {
    private static final Pattern TOKEN_PATH = Pattern.compile("(/api/v1/+calendar/+)[^/?;]+?(\\.ics)?(?=$|[/?;])");

    private final RequestLog delegate;

    public TokenMaskingRequestLog(RequestLog delegate) {
        this.delegate = delegate;
        addBean(delegate); // the delegate (logback-access) is started and stopped with us
    }

    /** Installs the wrapper around the configured request log; call from Application.run(). */
    public static void install(ServerFactory serverFactory) {
        if (serverFactory instanceof AbstractServerFactory factory) {
            RequestLogFactory<?> configured = factory.getRequestLogFactory();
            factory.setRequestLogFactory(new RequestLogFactory<RequestLog>() {
                @Override
                public boolean isEnabled() {
                    return configured.isEnabled();
                }

                @Override
                public RequestLog build(String name) {
                    return new TokenMaskingRequestLog(configured.build(name));
                }
            });
        }
    }

    public static String mask(String path) {
        return path == null ? null : TOKEN_PATH.matcher(path).replaceAll("$1***$2");
    }

    @Override
    public void log(Request request, Response response) {
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        String masked = mask(path);
        if (masked == null || masked.equals(path)) {
            delegate.log(request, response);
            return;
        }
        HttpURI maskedUri = HttpURI.build(uri).path(masked).asImmutable();
        delegate.log(new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return maskedUri;
            }
        }, response);
    }
}
