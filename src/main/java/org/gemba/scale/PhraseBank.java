package org.gemba.scale;

import java.util.SplittableRandom;

/** Front-line hospital observations built from phrase banks, so search and summaries meet realistic text. */
final class PhraseBank {
    static final String[] KINDS = {"BARRIER", "GOOD_PRACTICE", "IDEA", "SAFETY_CONCERN"};
    static final String[] CRITERIA = {"CUSTOMER_INSIGHT", "CULTURE", "INFORMATION_AND_ACCESS", "DELIVERY",
        "TIMELINESS_AND_QUALITY"};
    static final String[] CAUSES = {"TOOLS_AND_RESOURCES", "PROCESS", "POLICY", "BEHAVIOUR", "SUPPLIER_OR_CONTRACTOR", "OTHER"};
    static final String[] THEMES = {"Equipment", "Staffing", "IT systems", "Discharge", "Infection control",
        "Communication", "Estates", "Medicines", "Patient flow", "Wellbeing"};
    static final String[] TAGS = {"hoist", "beds", "pharmacy", "porters", "handover", "rota", "agency", "discharge",
        "cleaning", "parking", "printer", "wifi", "linen", "oxygen", "catering", "transport", "laundry", "lift"};
    static final String[] DEPARTMENTS = {"Emergency Department", "Acute Medical Unit", "Stroke Ward", "Maternity Unit",
        "Children's Ward", "Intensive Care", "Theatres", "Outpatients", "Radiology", "Pharmacy", "Discharge Lounge",
        "Frailty Unit", "Renal Unit", "Orthopaedic Ward", "Cardiology Ward", "Mental Health Liaison", "Pathology",
        "Day Surgery"};
    static final String[] HOSPITALS = {"St Mary's", "Royal Infirmary", "General Hospital", "Queen Elizabeth",
        "Princess Royal", "County Hospital", "Victoria", "Memorial", "Northern General", "Riverside"};
    static final String[] TOWNS = {"Leeds", "Bristol", "Norwich", "Sheffield", "Exeter", "York", "Derby", "Hull",
        "Carlisle", "Reading", "Stoke", "Preston", "Bath", "Luton", "Ipswich"};

    private static final String[] SUBJECTS = {"The night team on the acute medical unit", "Porters in the emergency department",
        "Ward clerks", "Pharmacy technicians", "Healthcare assistants on the stroke ward", "Staff in the discharge lounge",
        "Midwives on the labour ward", "Cleaners on the surgical floor", "Theatre nurses", "Junior doctors on call",
        "Radiographers", "Physiotherapists", "The bed management team", "Agency nurses", "Reception staff in outpatients",
        "Paramedics handing over", "The frailty team", "Catering assistants", "Domestic supervisors", "Ward sisters"};
    private static final String[] BARRIERS = {"wait over an hour for a working hoist",
        "cannot find blood gas syringes because the store room is disorganised",
        "re-enter the same patient details into three different systems", "have no working printer for discharge letters",
        "spend the start of every shift chasing missing linen", "lose the wifi signal in the side rooms",
        "wait for pharmacy to release take-home medicines", "walk to another floor to use the only bladder scanner",
        "cannot get a porter for urgent specimens after midnight", "share two computers between twelve staff",
        "have no space to hold a private conversation with relatives", "find the oxygen cylinders empty or missing",
        "are not told when a bed becomes free", "wait days for broken beds to be repaired by estates",
        "receive the rota too late to arrange childcare"};
    private static final String[] CONSEQUENCES = {"so patients wait longer for pain relief",
        "which delays discharges until late evening", "and ambulances queue outside the department",
        "so breaks are missed and staff go home exhausted", "which leads to duplicated and inconsistent records",
        "and patients are moved between wards at night", "so infection control is compromised",
        "which costs nursing time that should be spent with patients", "and morale on the ward is visibly low",
        "so relatives complain about poor communication"};
    private static final String[] PRACTICES = {"run a ten-minute safety huddle at every handover",
        "keep a shared whiteboard of expected discharges", "pair new starters with a buddy for their first month",
        "check the resuscitation trolley together at the start of each shift",
        "phone relatives with a daily update before visiting time", "label every drawer in the store room by item and size"};
    private static final String[] GAINS = {"and handovers are calmer and quicker", "and patients say they feel well informed",
        "and fewer items go missing", "and incidents have fallen since it started", "and other wards have started copying it"};
    private static final String[] IDEAS = {"A shared pool of hoists between neighbouring wards",
        "An electronic bed board visible in every ward", "Self-service printing of discharge letters",
        "A dedicated night porter for specimens", "Text message reminders for outpatient appointments",
        "Pre-packed take-home medicines for common discharges"};
    private static final String[] TAILS = {" Staff said this happens most weeks.", " The ward manager is aware.",
        " Nobody seemed to know who owns the problem.", " It was worse at the weekend.", "", "", ""};

    private PhraseBank() {}

    static String text(String kind, SplittableRandom r) {
        String subject = Mix.pick(r, SUBJECTS);
        String body = switch (kind) {
            case "GOOD_PRACTICE" -> subject + " " + Mix.pick(r, PRACTICES) + ", " + Mix.pick(r, GAINS) + ".";
            case "IDEA" -> Mix.pick(r, IDEAS) + " would help: " + subject.toLowerCase() + " " + Mix.pick(r, BARRIERS)
                    + ", " + Mix.pick(r, CONSEQUENCES) + ".";
            case "SAFETY_CONCERN" -> "Safety concern: " + subject.toLowerCase() + " " + Mix.pick(r, BARRIERS) + ", "
                    + Mix.pick(r, CONSEQUENCES) + ".";
            default -> subject + " " + Mix.pick(r, BARRIERS) + ", " + Mix.pick(r, CONSEQUENCES) + ".";
        };
        return body + Mix.pick(r, TAILS);
    }

    static String[] tags(SplittableRandom r) {
        int n = r.nextInt(3);
        if (n == 0) {
            return new String[0];
        }
        String a = Mix.pick(r, TAGS);
        String b = Mix.pick(r, TAGS);
        return n == 1 || a.equals(b) ? new String[] {a} : new String[] {a, b};
    }
}
