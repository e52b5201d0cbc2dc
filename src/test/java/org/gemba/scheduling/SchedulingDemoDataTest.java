package org.gemba.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.gemba.audit.AuditLog;
import org.gemba.auth.PasswordHasher;
import org.gemba.demo.DemoData;
import org.junit.jupiter.api.Test;

class SchedulingDemoDataTest {

    @Test
    void demo_loadsSitesShiftsBookingsAndAWaitlist_andIsSafeToRunAgain() {
        DemoData demo = new DemoData(Sched.db(), new PasswordHasher(4), new AuditLog(new ObjectMapper()), Clock.systemUTC());
        demo.load(DemoData.DEFAULT_ORG);
        demo.load(DemoData.DEFAULT_ORG);
        String org = "(SELECT id FROM organisations WHERE name = '" + DemoData.DEFAULT_ORG + "')";
        assertThat(Sched.count("SELECT count(*) FROM sites WHERE org_id = " + org)).isEqualTo(3);
        assertThat(Sched.count("SELECT count(*) FROM placements WHERE org_id = " + org)).isEqualTo(6);
        assertThat(Sched.count("SELECT count(*) FROM shifts WHERE org_id = " + org)).isEqualTo(84 + 110);
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE org_id = " + org + " AND status = 'ATTENDED'")).isEqualTo(6 + 110);
        // last programme year: five leaders with 20 eight-hour shifts (met), two with 5 (fell short)
        assertThat(Sched.count("SELECT count(DISTINCT leader_id) FROM bookings WHERE org_id = " + org
                + " AND status = 'ATTENDED' AND lower(during) < now() - interval '7 months'"
                + " GROUP BY leader_id HAVING count(*) = 20 LIMIT 1")).isEqualTo(1);
        assertThat(Sched.count("SELECT count(*) FROM bookings WHERE org_id = " + org + " AND status = 'NO_SHOW'")).isEqualTo(1);
        assertThat(Sched.count("SELECT count(*) FROM waitlist_entries WHERE org_id = " + org)).isEqualTo(2);
        assertThat(Sched.count("SELECT count(*) FROM shifts s WHERE org_id = " + org + " AND booked_count <> "
                + "(SELECT count(*) FROM bookings b WHERE b.shift_id = s.id AND b.status <> 'CANCELLED')")).isZero();
    }
}
