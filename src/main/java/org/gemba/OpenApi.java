package org.gemba;

import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Set;

/** {@code GET /openapi.json}, generated from the resources by swagger-core. */
final class OpenApi {
    private OpenApi() {}

    static OpenApiResource resource() {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("Gemba API").version("1")
                        .description("Back-to-the-floor scheduling, progress and customer insight. "
                                + "Errors are application/problem+json (RFC 9457) with a stable `code`."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        SwaggerConfiguration config = new SwaggerConfiguration()
                .openAPI(api)
                .prettyPrint(true)
                .resourcePackages(Set.of("org.gemba"));
        OpenApiResource resource = new OpenApiResource();
        resource.setOpenApiConfiguration(config);
        return resource;
    }

}
