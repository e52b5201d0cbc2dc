package org.gemba.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL cannot store the NUL character in text, so it is refused where it enters: in JSON
 * strings (422 naming the field), query parameters (422 naming the parameter) and paths (404).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class NulCharacters implements ContainerRequestFilter {

    public static SimpleModule jacksonModule() {
        return new SimpleModule("gemba-no-nul").addDeserializer(String.class, new NoNulString());
    }

    public static boolean contains(String s) {
        return s != null && s.indexOf('\u0000') >= 0;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (contains(request.getUriInfo().getPath(true))) {
            throw ApiException.notFound("Resource");
        }
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters(true).entrySet()) {
            for (String value : param.getValue()) {
                if (contains(value) || contains(param.getKey())) {
                    throw ApiException.invalid(param.getKey(), "must not contain NUL characters");
                }
            }
        }
    }

    private static final class NoNulString extends StdScalarDeserializer<String> {
        NoNulString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (contains(s)) {
                throw ctxt.weirdStringException(s, String.class, "must not contain NUL characters");
            }
            return s;
        }
    }
}
