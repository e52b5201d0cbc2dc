package org.gemba;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.basic.BasicCredentials;
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
import org.gemba.audit.AuditLog;
import org.gemba.audit.AuditResource;
import org.gemba.auth.BasicAuthenticator;
import org.gemba.auth.Caller;
import org.gemba.auth.LoginThrottle;
import org.gemba.auth.PasswordHasher;
import org.gemba.auth.ProblemUnauthorizedHandler;
import org.gemba.auth.RoleAuthorizer;
import org.gemba.auth.SchemeAuthFilter;
import org.gemba.auth.TokenAuthenticator;
import org.gemba.common.ApiExceptionMapper;
import org.gemba.common.CursorCodec;
import org.gemba.common.DatabaseProblemMapper;
import org.gemba.common.NulCharacters;
import org.gemba.common.Json;
import org.gemba.common.JsonProblemMapper;
import org.gemba.common.ProblemErrorHandler;
import org.gemba.common.RequestBodyLimits;
import org.gemba.common.UnexpectedProblemMapper;
import org.gemba.common.ViolationProblemMapper;
import org.gemba.common.WebProblemMapper;
import org.gemba.insight.ActionResource;
import org.gemba.insight.ActionService;
import org.gemba.insight.BriefResource;
import org.gemba.insight.ObservationLifecycle;
import org.gemba.insight.ObservationResource;
import org.gemba.insight.ObservationService;
import org.gemba.insight.SummaryResource;
import org.gemba.insight.TriageSla;
import org.gemba.insight.WorkingDays;
import org.gemba.notify.NotificationResource;
import org.gemba.notify.Notifications;
import org.gemba.people.MeResource;
import org.gemba.people.UserResource;
import org.gemba.people.UserService;
import org.gemba.scheduling.calendar.CalendarFeedResource;
import org.gemba.scheduling.calendar.CalendarFeedService;
import org.gemba.scheduling.calendar.CalendarTokens;
import org.gemba.scheduling.calendar.MyCalendarResource;
import org.gemba.scheduling.calendar.TokenMaskingRequestLog;
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
        System.setProperty("OPT_OUT_TRACKING", "true"); // before any DJL class loads: no telemetry
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
        bootstrap.addCommand(new SeedScaleCommand());
        bootstrap.addCommand(new BackfillEmbeddingsCommand());
    }

    @Override
    public void run(GembaConfiguration config, Environment env) {
        // strict only for API bodies: config.yml (parsed earlier) needs "8080" read as a number
        ObjectMapper mapper = Json.configure(env.getObjectMapper());
        Jdbi jdbi = Database.configure(new JdbiFactory().build(env, config.getDatabase(),
                Database.dataSource(config.getDatabase(), env.metrics(), "postgresql"), "postgresql"));
        if (!config.getDatabase().isAutoCommentsEnabled()) {   // database.autoCommentsEnabled: no /* Dao.method */
            jdbi.setTemplateEngine(new org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine());
        }
        CursorCodec cursors = new CursorCodec(config.getSecurity().cursorSecret);
        AuditLog audit = new AuditLog(mapper);
        Notifications notifications = new Notifications();
        PasswordHasher hasher = new PasswordHasher(config.getSecurity().passwordHashCost);

        CachingAuthenticator<BasicCredentials, Caller> basicAuth = registerAuth(config, env, jdbi, hasher);
        UserService users = new UserService(jdbi, hasher, audit, basicAuth::invalidateAll);

        registerErrorHandling(env, mapper);
        env.jersey().register(new MeResource(jdbi, audit));
        env.jersey().register(new UserResource(jdbi, users, cursors, mapper, env.getValidator()));
        env.jersey().register(new NotificationResource(jdbi, cursors));
        env.jersey().register(new AuditResource(jdbi, cursors, mapper));
        env.jersey().register(OpenApi.resource());
        registerScheduling(config, env, jdbi, audit, notifications, cursors, mapper);
        registerCalendar(config, env, jdbi, audit);
        registerProgress(config, env, jdbi, audit, cursors);
        registerInsight(config, env, jdbi, cursors, audit, notifications);
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
        env.jersey().register(new AuthDynamicFeature(new SchemeAuthFilter(bearerFilter, basicFilter)));
        env.jersey().register(RolesAllowedDynamicFeature.class);
        env.jersey().register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        return basic;
    }

    private static void registerErrorHandling(Environment env, ObjectMapper mapper) {
        env.jersey().register(new RequestBodyLimits());
        env.jersey().register(new NulCharacters());
        env.jersey().register(new DatabaseProblemMapper());
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

    private void registerScheduling(GembaConfiguration config, Environment env, Jdbi jdbi, AuditLog audit,
                                    Notifications notifications, CursorCodec cursors, ObjectMapper mapper) {
        org.gemba.scheduling.Scheduling.register(env, jdbi, config.getScheduling(), audit, notifications, cursors,
                clock(), mapper);
    }

    private void registerCalendar(GembaConfiguration config, Environment env, Jdbi jdbi, AuditLog audit) {
        CalendarFeedService feeds = new CalendarFeedService(jdbi, new CalendarTokens(config.getSecurity().calendarSecret),
                audit, clock, config.getPublicBaseUrl());
        env.jersey().register(new MyCalendarResource(feeds));
        env.jersey().register(new CalendarFeedResource(feeds));
        TokenMaskingRequestLog.install(config.getServerFactory());
    }

    private void registerProgress(GembaConfiguration config, Environment env, Jdbi jdbi, AuditLog audit,
                                  CursorCodec cursors) {
        org.gemba.progress.ProgrammeConfig programmeConfig = config.getProgramme();
        org.gemba.progress.Programme programme = programmeConfig.toProgramme();
        var programmeClock = new org.gemba.progress.ProgrammeClock(programme, clock());
        var targets = new org.gemba.progress.TargetService(jdbi, audit, programme);
        var progress = new org.gemba.progress.ProgressService(jdbi, programmeClock, cursors);
        env.jersey().register(new org.gemba.progress.ProgrammeResource(programmeClock));
        env.jersey().register(new org.gemba.progress.TargetResource(jdbi, targets));
        env.jersey().register(new org.gemba.progress.AdjustmentResource(jdbi, targets, programmeClock));
        env.jersey().register(new org.gemba.progress.ProgressResource(progress));
        env.jersey().register(new org.gemba.progress.CompletionReportResource(progress));
        env.jersey().register(new org.gemba.progress.SuggestionResource(new org.gemba.progress.SuggestionService(
                jdbi, progress, programmeClock, config.getScheduling().minNoticeHours)));
    }

    private void registerInsight(GembaConfiguration config, Environment env, Jdbi jdbi, CursorCodec cursors,
                                 AuditLog audit, Notifications notifications) {
        GembaConfiguration.Insight insight = config.getInsight();
        TriageSla sla = new TriageSla(new WorkingDays(insight.publicHolidays), insight.triageSlaWorkingDays,
                insight.safetyConcernSlaWorkingDays);
        ObservationLifecycle lifecycle = new ObservationLifecycle(audit, notifications);
        org.gemba.insight.similarity.Similarity similarity = registerSimilarity(config, env, jdbi);
        env.jersey().register(new ObservationResource(jdbi,
                new ObservationService(jdbi, clock, sla, audit, notifications, similarity.afterWrite()), cursors,
                similarity.service()));
        env.jersey().register(new ActionResource(jdbi,
                new ActionService(jdbi, clock, audit, notifications, lifecycle, similarity.afterWrite()), cursors,
                env.getObjectMapper(), env.getValidator()));
        env.jersey().register(new BriefResource(jdbi));
        env.jersey().register(new SummaryResource(jdbi, clock));
    }

    private void registerMail(GembaConfiguration config, Environment env, Jdbi jdbi, Notifications notifications,
                              AuditLog audit) {
        org.gemba.notify.MailSetup.register(config.getMail(), config.getPublicBaseUrl(), env, jdbi, notifications,
                audit, clock(), config.getProgramme().toProgramme(), config.getScheduling().minNoticeHours);
    }

    private org.gemba.insight.similarity.Similarity registerSimilarity(GembaConfiguration config, Environment env,
                                                                      Jdbi jdbi) {
        GembaConfiguration.Insight insight = config.getInsight();
        return org.gemba.insight.similarity.Similarity.register(env, jdbi, insight.embeddings, insight.embeddingWorker,
                insight.embeddingPollSeconds, insight.embeddingDutyCycle);
    }
}
