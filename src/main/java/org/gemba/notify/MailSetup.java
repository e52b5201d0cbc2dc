package org.gemba.notify;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gemba.audit.AuditLog;
import org.gemba.progress.Programme;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring of e-mail delivery, scheduled notices and preferences (kept out of GembaApplication). */
public final class MailSetup {
    private static final Logger LOG = LoggerFactory.getLogger(MailSetup.class);

    private MailSetup() {}

    public static MailLoop register(MailConfig mail, String publicBaseUrl, Environment env, Jdbi jdbi,
                                    Notifications notifications, AuditLog audit, Clock clock) {
        return register(mail, publicBaseUrl, env, jdbi, notifications, audit, clock, null, 0);
    }

    /** With the programme (for the monthly progress note, left out when null) and the booking notice. */
    public static MailLoop register(MailConfig mail, String publicBaseUrl, Environment env, Jdbi jdbi,
                                    Notifications notifications, AuditLog audit, Clock clock, Programme programme,
                                    int minNoticeHours) {
        MailSender sender = null;
        if (mail.smtpConfigured()) {
            sender = new SmtpMailSender(mail);
            LOG.info("mail: notifications are e-mailed via SMTP server {}:{} ({}) from {}",
                    mail.host, mail.port, mail.tls, mail.from);
        } else {
            LOG.info("mail: no SMTP host configured; notifications are stored and listed at "
                    + "/api/v1/me/notifications but not e-mailed");
        }
        DeliveryWorker worker = new DeliveryWorker(jdbi, sender, new MailComposer(publicBaseUrl),
                DeliveryWorker.bookingCalendar(jdbi), clock, DeliveryWorker.Settings.of(mail), env.metrics());
        NoticeScheduler scheduler = new NoticeScheduler(jdbi, notifications, clock, rules(mail, programme, minNoticeHours));
        MailLoop loop = new MailLoop(worker, scheduler, mail.pollInterval.toJavaDuration(),
                mail.schedulerInterval.toJavaDuration());
        if (mail.background) {
            env.lifecycle().manage(loop);
        }
        env.jersey().register(new PreferenceResource(new PreferenceService(jdbi, audit)));
        env.healthChecks().register("mail", new MailHealthCheck(jdbi, clock, mail.smtpConfigured()));
        env.admin().addTask(new Task("deliver-mail") {
            @Override
            public void execute(Map<String, List<String>> parameters, PrintWriter output) {
                loop.wake();
                output.println(loop.running() ? "delivery run started" : "the mail loop is not running here");
            }
        });
        return loop;
    }

    /** The scheduled notices; each further one is one more {@link NoticeRule} in this list. */
    static List<NoticeRule> rules(MailConfig mail, Programme programme, int minNoticeHours) {
        List<NoticeRule> rules = new ArrayList<>(List.of(new ShiftReminders(), new HostDailyLists(mail.hostDailyListHour),
                new TriageSlaNotices(mail.slaWarningBefore.toJavaDuration()), new OverdueActions()));
        if (programme != null) {
            rules.add(new ProgressNudges(programme, minNoticeHours));
        }
        return rules;
    }
}
