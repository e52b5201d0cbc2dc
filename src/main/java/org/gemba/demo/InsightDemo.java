package org.gemba.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.auth.Role;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;
import org.gemba.insight.ActionDao;
import org.gemba.insight.ObservationDao;
import org.gemba.insight.ObservationLifecycle;
import org.gemba.insight.ObservationRow;
import org.gemba.insight.WorkingDays;
import org.gemba.notify.Notifications;
import org.gemba.people.UserRow;
import org.jdbi.v3.core.Handle;

/**
 * Observations from a hospital's front line (with near-duplicates worded differently) in every state,
 * and improvement actions in every state. Stands alone: it needs a site, not the scheduling demo.
 */
final class InsightDemo {
    static final String SITE = "St Mary's Hospital";

    /** who: index into the leaders; state: NEW, TRIAGED, DECLINED, or the action (A1..) that takes it on. */
    record Obs(int who, int daysAgo, String kind, String criterion, String cause, String theme, List<String> tags,
               String text, String state) {}

    record Act(String key, String title, int owner, int dueInDays, String status, String text) {}

    static final List<Obs> OBSERVATIONS = List.of(
            new Obs(0, 58, "BARRIER", "DELIVERY", "PROCESS", "Meals", List.of("ward-3", "catering"), "Meal trolleys reached Ward 3 at 12:40 although lunch is meant to be served at 12:00; several patients' food was lukewarm.", "A1"),
            new Obs(1, 55, "BARRIER", "DELIVERY", "PROCESS", "Meals", List.of("ward-3"), "Lunch trolley on Ward 3 arrived late again and the hot meals were cold by the time we served them.", "A1"),
            new Obs(3, 50, "BARRIER", "TIMELINESS_AND_QUALITY", "PROCESS", "Meals", List.of("catering"), "Ward 3 patients waited nearly an hour past lunchtime because the food trolley was held up in the kitchen.", "A1"),
            new Obs(1, 40, "BARRIER", "TIMELINESS_AND_QUALITY", "TOOLS_AND_RESOURCES", "Lifts", List.of("portering", "theatres"), "The theatre lift was out of order all morning; porters waited up to 25 minutes with patients on trolleys.", "A2"),
            new Obs(5, 33, "BARRIER", "TIMELINESS_AND_QUALITY", "TOOLS_AND_RESOURCES", "Lifts", List.of("portering"), "Porters queuing for the only working lift to theatres - the second lift has been broken for a week.", "A2"),
            new Obs(2, 30, "BARRIER", "INFORMATION_AND_ACCESS", "PROCESS", "Signage", List.of("reception", "outpatients"), "Main reception queue stretched out of the door at 08:30 and there was no signage telling people where outpatients check-in is.", "A3"),
            new Obs(4, 28, "BARRIER", "INFORMATION_AND_ACCESS", "PROCESS", "Signage", List.of("reception"), "Visitors kept asking reception staff for directions to the fracture clinic; there are no signs after the main corridor.", "DECLINED:Duplicate of the reception signage observation, which is already being acted on."),
            new Obs(0, 26, "SAFETY_CONCERN", "TIMELINESS_AND_QUALITY", "TOOLS_AND_RESOURCES", "Infection control", List.of("ward-5", "hand-hygiene"), "Hand-gel dispensers at the entrance to Ward 5 and the discharge lounge were empty all shift.", "A4"),
            new Obs(3, 2, "SAFETY_CONCERN", null, null, null, List.of("ward-5", "hand-hygiene"), "Empty hand sanitiser dispensers on Ward 5 again; staff are carrying their own bottles.", "NEW"),
            new Obs(4, 24, "BARRIER", "INFORMATION_AND_ACCESS", "PROCESS", "Cleaning", List.of("nights", "cleaning"), "Cleaners on the night shift are not told which side rooms are infectious, so they have to ask nurses each time.", "TRIAGED"),
            new Obs(5, 4, "IDEA", null, "PROCESS", null, List.of("cleaning"), "Domestic staff on nights have a cleaning checklist that does not match the ward layout after the refurbishment.", "NEW"),
            new Obs(2, 45, "GOOD_PRACTICE", "CULTURE", "BEHAVIOUR", "Meals", List.of("ward-7"), "The housekeeper on Ward 7 knows every patient's dietary needs and checks trays against the menu cards - worth sharing.", "A5"),
            new Obs(1, 21, "BARRIER", "INFORMATION_AND_ACCESS", "PROCESS", "Discharge", List.of("pharmacy"), "Discharge lounge patients wait for pharmacy with no updates; nobody tells them how long it will be.", "A7"),
            new Obs(6, 20, "BARRIER", "CUSTOMER_INSIGHT", "PROCESS", "Discharge", List.of("pharmacy"), "Patients in the discharge lounge were not offered a drink for over two hours while waiting for medicines to take home.", "A7"),
            new Obs(0, 19, "SAFETY_CONCERN", "TIMELINESS_AND_QUALITY", "BEHAVIOUR", "Slips and trips", List.of("a-and-e"), "Spilled cleaning fluid by the A&E entrance was left without a warning sign for 20 minutes; a visitor nearly slipped.", "A8"),
            new Obs(5, 18, "IDEA", "DELIVERY", "TOOLS_AND_RESOURCES", "Portering", List.of("portering"), "Porters log job requests on paper that gets lost between shifts; a shared tablet app would help.", "TRIAGED"),
            new Obs(3, 44, "GOOD_PRACTICE", "CUSTOMER_INSIGHT", "PROCESS", "Meals", List.of("allergens"), "The catering team label allergens clearly on every tray - good practice that other sites could copy.", "A5"),
            new Obs(2, 16, "GOOD_PRACTICE", "CUSTOMER_INSIGHT", "BEHAVIOUR", "Reception", List.of("reception"), "Reception staff greet every patient by name and explain waiting times - lovely to see.", "TRIAGED"),
            new Obs(4, 15, "BARRIER", "DELIVERY", "SUPPLIER_OR_CONTRACTOR", "Linen", List.of("ward-3", "linen"), "The linen cupboard on Ward 3 was empty by mid-morning; healthcare assistants borrowed sheets from Ward 4.", "A6"),
            new Obs(6, 14, "BARRIER", "DELIVERY", "SUPPLIER_OR_CONTRACTOR", "Linen", List.of("linen"), "The laundry contractor's delivery arrived after 11:00 for the third day running.", "A6"),
            new Obs(1, 13, "BARRIER", "CULTURE", "POLICY", "Staff welfare", List.of("nights", "portering"), "Night porters have no quiet place to eat; their rest room was turned into storage.", "DECLINED:The rest room is part of the estates review already under way; passed to Estates."),
            new Obs(0, 12, "BARRIER", "INFORMATION_AND_ACCESS", "TOOLS_AND_RESOURCES", "Car parking", List.of("outpatients"), "Car park pay machines only take coins and outpatients were late for appointments queuing to pay.", "DECLINED:The car park is run by the council's contractor; the feedback has been passed to them."),
            new Obs(3, 3, "IDEA", "INFORMATION_AND_ACCESS", null, null, List.of("outpatients", "accessibility"), "Patients with hearing loss cannot hear names being called in the outpatients waiting area; a display screen would help.", "NEW"),
            new Obs(4, 11, "BARRIER", "DELIVERY", "PROCESS", "Hydration", List.of("ward-5"), "Water jugs on Ward 5 were not refilled after the afternoon tea round.", "TRIAGED"),
            new Obs(5, 0, "SAFETY_CONCERN", null, null, null, List.of("ward-7"), "Broken call bell in bay 2 of Ward 7; a patient had to shout for help.", "NEW"),
            new Obs(6, 52, "BARRIER", "DELIVERY", "PROCESS", "Meals", List.of("catering"), "Kitchen staff do not get the wards' meal numbers until 11:30, which leaves no time to plate meals properly.", "A1"),
            new Obs(2, 1, "GOOD_PRACTICE", null, null, null, List.of("volunteers", "reception"), "Volunteers on the front desk hand out a printed map which visitors find really helpful.", "NEW"),
            new Obs(1, 9, "SAFETY_CONCERN", "TIMELINESS_AND_QUALITY", "TOOLS_AND_RESOURCES", "Lifts", List.of("theatres"), "The theatre lift alarm sounded twice while porters were inside; nobody knew who to call.", "A2"),
            new Obs(0, 8, "BARRIER", "INFORMATION_AND_ACCESS", "PROCESS", "Meals", List.of("ward-3", "languages"), "Menu cards are only in English; several Ward 3 patients could not choose their meals.", "TRIAGED"),
            new Obs(4, 17, "BARRIER", null, "PROCESS", null, List.of("cleaning"), "Cleaning schedules are posted in the sluice room but have not been updated since March.", "NEW"));

    static final List<Act> ACTIONS = List.of(
            new Act("A1", "Meal numbers to the kitchen by 10:30 and an earlier trolley round", 0, -20, "DONE", "Meal numbers now reach the kitchen by 10:30 and trolleys leave at 11:45; Ward 3 audits show meals served by 12:05 and hot."),
            new Act("A2", "Repair and service the second theatre lift", 1, 14, "IN_PROGRESS", null),
            new Act("A3", "Wayfinding signs for outpatients and the fracture clinic", 0, -5, "OPEN", null),
            new Act("A4", "Twice-daily hand-gel refill round on Ward 5", 1, -10, "DONE", "Housekeeping refill dispensers at 07:00 and 15:00; spot checks found none empty in four weeks."),
            new Act("A5", "Share tray checks and allergen labels across wards", 0, -15, "DONE", "Ward 7's tray check and the allergen labels are now part of catering induction on every site."),
            new Act("A6", "Agree a linen delivery window with the laundry contractor", 1, 21, "OPEN", null),
            new Act("A7", "Pharmacy runner for the discharge lounge", 0, 10, "CANCELLED", "Replaced by the trust-wide discharge programme; the observations stay triaged for that team."),
            new Act("A8", "Wet-floor signs and spill kits at the A&E entrance", 1, -12, "DONE", "Spill kits and signs are stationed at both A&E doors; domestic staff were briefed."));

    private final AuditLog audit;
    private final Clock clock;

    InsightDemo(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Loads once per organisation: an organisation that already has observations is left alone. */
    String load(Handle h, OrgId orgId, List<UserRow> people) {
        boolean loaded = h.createQuery("SELECT EXISTS (SELECT 1 FROM observations WHERE org_id = :org)")
                .bind("org", orgId.value()).mapTo(Boolean.class).one();
        if (loaded) {
            return "";
        }
        UUID site = site(h, orgId);
        ZoneId zone = ZoneId.of("Europe/London");
        List<UserRow> leaders = people.stream().filter(p -> List.of(p.roles()).contains("LEADER")).toList();
        List<Caller> improvers = people.stream().filter(p -> List.of(p.roles()).contains("IMPROVEMENT"))
                .map(p -> new Caller(new UserId(p.id()), orgId, p.email(), p.name(), Set.of(Role.IMPROVEMENT), zone))
                .toList();
        WorkingDays days = new WorkingDays(List.of()); // weekends only: the demo has no configuration to hand
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        ObservationDao dao = h.attach(ObservationDao.class);
        ObservationLifecycle lifecycle = new ObservationLifecycle(audit, new Notifications());
        List<ObservationRow> rows = new ArrayList<>();
        for (int i = 0; i < OBSERVATIONS.size(); i++) {
            Obs o = OBSERVATIONS.get(i);
            UserRow author = leaders.get(o.who() % leaders.size());
            Instant logged = now.minus(Duration.ofDays(o.daysAgo())).minus(Duration.ofMinutes(37L * i));
            ObservationRow row = dao.insert(orgId.value(), author.id(), null, site, null, logged.minus(Duration.ofHours(2)),
                    logged, o.text(), o.kind(), o.criterion(), o.cause(), o.tags().toArray(String[]::new),
                    days.dueAt(logged, zone, "SAFETY_CONCERN".equals(o.kind()) ? 1 : 5));
            audit.record(h, orgId, new UserId(author.id()), "OBSERVATION", row.id(), "CREATED", Map.of("kind", o.kind()), "demo data");
            Caller improver = improvers.get(i % improvers.size());
            Instant decided = logged.plus(Duration.ofHours(6L + 13L * (i % 9)));
            if (o.theme() != null) {
                row = dao.triage(orgId.value(), row.id(), "P" + (1 + i % 4), o.theme(), o.criterion(), o.cause(),
                        i % 2 == 0 ? "Facilities" : "Patient experience", decided, improver.id().value());
                audit.record(h, orgId, improver.id(), "OBSERVATION", row.id(), "TRIAGED", Map.of("theme", o.theme()), "demo data");
            }
            if (o.state().startsWith("DECLINED:")) {
                String reason = o.state().substring("DECLINED:".length());
                dao.decline(orgId.value(), row.id(), reason, decided.plus(Duration.ofHours(1)));
                audit.record(h, orgId, improver.id(), "OBSERVATION", row.id(), "DECLINED", Map.of(), reason);
            }
            rows.add(row);
        }
        ActionDao actions = h.attach(ActionDao.class);
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (Act a : ACTIONS) {
            Caller owner = improvers.get(a.owner() % improvers.size());
            List<UUID> linked = new ArrayList<>();
            Instant created = now;
            for (int i = 0; i < OBSERVATIONS.size(); i++) {
                if (OBSERVATIONS.get(i).state().equals(a.key())) {
                    linked.add(rows.get(i).id());
                    Instant triaged = rows.get(i).triagedAt() == null ? rows.get(i).loggedAt() : rows.get(i).triagedAt();
                    created = triaged.isBefore(created) ? created : triaged;
                }
            }
            created = created.plus(Duration.ofHours(3));
            UUID id = actions.insert(orgId.value(), a.title(), null, owner.id().value(), today.plusDays(a.dueInDays()),
                    owner.id().value(), created);
            audit.record(h, orgId, owner.id(), "ACTION", id, "CREATED", Map.of("title", a.title()), "demo data");
            lifecycle.link(h, owner, id, a.title(), linked, created, "observationIds");
            Instant finished = created.plus(Duration.ofDays(2));
            switch (a.status()) {
                case "IN_PROGRESS" -> actions.update(orgId.value(), id, a.title(), null, owner.id().value(),
                        today.plusDays(a.dueInDays()), "IN_PROGRESS", finished);
                case "DONE" -> actions.complete(orgId.value(), id, a.text(), finished);
                case "CANCELLED" -> actions.cancel(orgId.value(), id, a.text(), finished);
                default -> { }
            }
            if (!"OPEN".equals(a.status()) && !"IN_PROGRESS".equals(a.status())) {
                audit.record(h, orgId, owner.id(), "ACTION", id, a.status(), Map.of(), a.text());
                lifecycle.settle(h, owner, linked, finished, a.text());
            }
        }
        actions.addNote(orgId.value(), actions.list(orgId.value(), "IN_PROGRESS", null, null, today, null, null, 1)
                .get(0).id(), improvers.get(0).id().value(), "Lift engineer booked; parts due next week.", now);
        return String.format("%d observations and %d improvement actions at %s.%n", rows.size(), ACTIONS.size(), SITE);
    }

    /** The demo's own site, reused when one of that name exists. */
    private static UUID site(Handle h, OrgId orgId) {
        return h.createQuery("SELECT id FROM sites WHERE org_id = :org AND name = :name ORDER BY created_at LIMIT 1")
                .bind("org", orgId.value()).bind("name", SITE).mapTo(UUID.class).findOne()
                .orElseGet(() -> h.createQuery("""
                                INSERT INTO sites (org_id, name, time_zone, address)
                                VALUES (:org, :name, 'Europe/London', 'Praed Street, London W2 1NY') RETURNING id""")
                        .bind("org", orgId.value()).bind("name", SITE).mapTo(UUID.class).one());
    }
}
