package org.gemba;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.basic.BasicCredentials;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import java.time.Clock;
import java.util.List;
import org.gemba.audit.AuditLog;
import org.gemba.audit.AuditResource;
import org.gemba.auth.BasicAuthenticator;
import org.gemba.auth.Caller;
import org.gemba.auth.LoginThrottle;
import org.gemba.auth.PasswordHasher;
import org.gemba.auth.ProblemUnauthorizedHandler;
import org.gemba.auth.RoleAuthorizer;
import org.gemba.auth.TokenAuthenticator;
import org.gemba.common.ApiExceptionMapper;
import org.gemba.common.CursorCodec;
import org.gemba.common.Json;
import org.gemba.common.JsonProblemMapper;
import org.gemba.common.ProblemErrorHandler;
import org.gemba.common.RequestBodyLimits;
import org.gemba.common.UnexpectedProblemMapper;
import org.gemba.common.ViolationProblemMapper;
import org.gemba.common.WebProblemMapper;
import org.gemba.notify.NotificationResource;
import org.gemba.notify.Notifications;
import org.gemba.people.MeResource;
import org.gemba.people.UserResource;
import org.gemba.people.UserService;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

/** Wiring only: bundles, commands, JDBI, auth, resources, health. */
public class GembaApplication extends Application<GembaConfiguration> {
    private final Clock clock;

    public GembaApplication() {
        this(Clock.systemUTC());
    }

    /** Tests pass a controllable clock; everything that asks "what time is it" gets this one. */
    protected GembaApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new GembaApplication().run(args);
    }

    @Override
    public String getName() {
        return "gemba";
    }

    @Override
    public void initialize(Bootstrap<GembaConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(GembaConfiguration configuration) {
                return configuration.getDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return "migrations/changelog.xml";
            }
        });
        bootstrap.addCommand(new BootstrapCommand());
        bootstrap.addCommand(new DemoCommand());
    }

    @Override
    public void run(GembaConfiguration config, Environment env) {
        // strict only for API bodies: config.yml (parsed earlier) needs "8080" read as a number
        ObjectMapper mapper = Json.configure(env.getObjectMapper());
        Jdbi jdbi = Database.configure(new JdbiFactory().build(env, config.getDatabase(), "postgresql"));
        CursorCodec cursors = new CursorCodec(config.getSecurity().cursorSecret);
        AuditLog audit = new AuditLog(mapper);
        Notifications notifications = new Notifications();
        PasswordHasher hasher = new PasswordHasher(config.getSecurity().passwordHashCost);

        CachingAuthenticator<BasicCredentials, Caller> basicAuth = registerAuth(config, env, jdbi, hasher);
        UserService users = new UserService(jdbi, hasher, audit, basicAuth::invalidateAll);

        registerErrorHandling(env, mapper);
        env.jersey().register(new MeResource(jdbi, audit));
        env.jersey().register(new UserResource(jdbi, users, cursors));
        env.jersey().register(new NotificationResource(jdbi, cursors));
        env.jersey().register(new AuditResource(jdbi, cursors, mapper));
        env.jersey().register(OpenApi.resource());
        registerMail(config, env, jdbi, notifications, audit);
    }

    private CachingAuthenticator<BasicCredentials, Caller> registerAuth(GembaConfiguration config, Environment env,
                                                                        Jdbi jdbi, PasswordHasher hasher) {
        GembaConfiguration.Security security = config.getSecurity();
        LoginThrottle throttle = new LoginThrottle(jdbi, security.maxFailedLogins,
                security.throttleWindow.toJavaDuration(), security.throttleBackoff.toJavaDuration());
        // bcrypt is slow by design; caching successful logins keeps it off the per-request path
        CachingAuthenticator<BasicCredentials, Caller> basic = new CachingAuthenticator<>(env.metrics(),
                new BasicAuthenticator(jdbi, hasher, throttle),
                Caffeine.newBuilder().expireAfterWrite(security.authCacheTtl.toJavaDuration()).maximumSize(10_000));
        RoleAuthorizer authorizer = new RoleAuthorizer();
        ProblemUnauthorizedHandler unauthorized = new ProblemUnauthorizedHandler();
        AuthFilter<BasicCredentials, Caller> basicFilter = new BasicCredentialAuthFilter.Builder<Caller>()
                .setAuthenticator(basic).setAuthorizer(authorizer).setRealm("gemba")
                .setUnauthorizedHandler(unauthorized).buildAuthFilter();
        AuthFilter<String, Caller> bearerFilter = new OAuthCredentialAuthFilter.Builder<Caller>()
                .setAuthenticator(new TokenAuthenticator(jdbi)).setAuthorizer(authorizer).setPrefix("Bearer")
                .setRealm("gemba").setUnauthorizedHandler(unauthorized).buildAuthFilter();
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<AuthFilter> filters = List.of(basicFilter, bearerFilter);
        env.jersey().register(new AuthDynamicFeature(new ChainedAuthFilter<>(filters)));
        env.jersey().register(RolesAllowedDynamicFeature.class);
        env.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        return basic;
    }

    private static void registerErrorHandling(Environment env, ObjectMapper mapper) {
        env.jersey().register(new RequestBodyLimits());
        env.jersey().register(new ApiExceptionMapper());
        env.jersey().register(new JsonProblemMapper());
        env.jersey().register(new ViolationProblemMapper());
        env.jersey().register(new WebProblemMapper());
        env.jersey().register(new UnexpectedProblemMapper());
        env.getApplicationContext().setErrorHandler(new ProblemErrorHandler(mapper));
        env.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new ProblemErrorHandler(mapper)));
    }

    protected Clock clock() {
        return clock;
    }

    private void registerMail(GembaConfiguration config, Environment env, Jdbi jdbi, Notifications notifications,
                              AuditLog audit) {
        org.gemba.notify.MailSetup.register(config.getMail(), config.getPublicBaseUrl(), env, jdbi, notifications,
                audit, clock());
    }
}
