package org.gemba.insight;

/** The closed vocabularies of observations and actions (the database CHECKs list the same values). */
public final class InsightTypes {
    private InsightTypes() {}

    public enum Kind { BARRIER, GOOD_PRACTICE, IDEA, SAFETY_CONCERN }

    /** Customer Service Excellence criteria. */
    public enum Criterion { CUSTOMER_INSIGHT, CULTURE, INFORMATION_AND_ACCESS, DELIVERY, TIMELINESS_AND_QUALITY }

    public enum Cause { TOOLS_AND_RESOURCES, PROCESS, POLICY, BEHAVIOUR, SUPPLIER_OR_CONTRACTOR, OTHER }

    public enum Priority { P1, P2, P3, P4 }

    public enum ObservationStatus { NEW, TRIAGED, ACTIONED, CLOSED, DECLINED }

    public enum ActionStatus {
        OPEN, IN_PROGRESS, DONE, CANCELLED;

        public boolean finished() {
            return this == DONE || this == CANCELLED;
        }
    }
}
