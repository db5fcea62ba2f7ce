package com.moviepeople.availability;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each member's calendar (V53: the days available and the days booked, as multiranges) follows
 * every change of their ranges, made in any way and by any number of transactions at once.
 */
class AvailabilityCalendarIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    private static final LocalDate START = LocalDate.of(2031, 3, 1);

    @BeforeEach
    void emptyDatabase() {
        cleanDatabase();
    }

    /** Calendars that differ from the ranges, recomputed from scratch; none when the triggers kept them. */
    private long calendarsOutOfStep() {
        return jdbc.queryForObject("""
                select count(*) from (
                    select r.member_id,
                           coalesce(range_agg(r.period) filter (where r.status = 'AVAILABLE'), '{}') as available,
                           coalesce(range_agg(r.period) filter (where r.status = 'BOOKED'), '{}') as booked
                    from availability_range r group by r.member_id) expected
                full join availability_calendar c on c.member_id = expected.member_id
                where expected.member_id is null or c.member_id is null
                   or c.available <> expected.available or c.booked <> expected.booked""", Long.class);
    }

    private String available(CurrentMember m) {
        return jdbc.queryForList("select available::text from availability_calendar where member_id = ?", String.class, m.id())
                .stream().findFirst().orElse(null);
    }

    @Test
    void theCalendarFollowsEveryChangeOfTheRanges() throws Exception {
        CurrentMember a = newMember("a");
        CurrentMember b = newMember("b");
        // Several members in one statement, adjacent ranges that merge, holds that count as neither.
        jdbc.update("""
                insert into availability_range (member_id, start_date, end_date, status, hold_rank) values
                    (?, ?, ?, 'AVAILABLE', null), (?, ?, ?, 'AVAILABLE', null), (?, ?, ?, 'HOLD', 1),
                    (?, ?, ?, 'BOOKED', null), (?, ?, ?, 'AVAILABLE', null)""",
                a.id(), START, START.plusDays(4), a.id(), START.plusDays(5), START.plusDays(9),
                a.id(), START.plusDays(20), START.plusDays(22),
                b.id(), START, START.plusDays(2), b.id(), START.plusDays(10), START.plusDays(12));
        assertThat(calendarsOutOfStep()).isZero();
        assertThat(available(a)).isEqualTo("{[2031-03-01,2031-03-11)}");

        jdbc.update("update availability_range set status = 'BOOKED' where member_id = ? and start_date = ?", a.id(), START.plusDays(5));
        assertThat(calendarsOutOfStep()).isZero();
        assertThat(available(a)).isEqualTo("{[2031-03-01,2031-03-06)}");
        jdbc.update("update availability_range set start_date = ?, end_date = ? where member_id = ? and start_date = ?",
                START.plusDays(30), START.plusDays(31), b.id(), START.plusDays(10));
        assertThat(calendarsOutOfStep()).isZero();
        jdbc.update("delete from availability_range where member_id = ? and start_date = ?", a.id(), START);
        assertThat(calendarsOutOfStep()).isZero();
        assertThat(available(a)).isEqualTo("{}");

        // The last range gone, the calendar goes too; so does a deleted member's.
        jdbc.update("delete from availability_range where member_id = ?", a.id());
        assertThat(available(a)).isNull();
        jdbc.update("delete from member where id = ?", b.id()); // as account deletion does, by cascade
        assertThat(jdbc.queryForObject("select count(*) from availability_calendar", Long.class)).isZero();

        // Through the page a member uses (which takes dates up to two years ahead).
        CurrentMember c = newMember("c");
        LocalDate soon = LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(2);
        mvc.perform(post("/availability").with(user(c)).with(csrf())
                        .param("startDate", soon.toString()).param("endDate", soon.plusDays(6).toString())
                        .param("status", "available").param("holdRank", "").param("note", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(available(c)).isEqualTo("{[" + soon + "," + soon.plusDays(7) + ")}");
        assertThat(calendarsOutOfStep()).isZero();
    }

    /**
     * Two transactions adding ranges for one member at once: the second waits for the first and
     * then counts its range too. Recomputed from the second's own snapshot, its calendar would
     * have left out the first one's range.
     */
    @Test
    void twoTransactionsChangingOneMembersRangesAtOnceBothCount() throws Exception {
        CurrentMember m = newMember("m");
        // A range already there (the calendar row exists) and none yet (the first range creates it).
        for (boolean existing : new boolean[] {true, false}) {
            jdbc.update("delete from availability_range where member_id = ?", m.id());
            if (existing) {
                jdbc.update("insert into availability_range (member_id, start_date, end_date, status) values (?, ?, ?, 'BOOKED')",
                        m.id(), START.minusDays(10), START.minusDays(5));
            }
            try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
                first.setAutoCommit(false);
                second.setAutoCommit(false);
                insert(first, m.id(), START, START.plusDays(2));
                CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                    try {
                        insert(second, m.id(), START.plusDays(10), START.plusDays(12));
                        second.commit();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(300);
                assertThat(waiting).as("the second waits for the first").isNotDone();
                first.commit();
                waiting.get(10, TimeUnit.SECONDS);
            }
            assertThat(available(m)).as(existing ? "calendar row existing" : "first ranges")
                    .isEqualTo("{[2031-03-01,2031-03-04),[2031-03-11,2031-03-14)}");
            assertThat(calendarsOutOfStep()).isZero();
        }
    }

    private static void insert(Connection connection, long member, LocalDate start, LocalDate end) throws java.sql.SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into availability_range (member_id, start_date, end_date, status) values (?, ?, ?, 'AVAILABLE')")) {
            ps.setLong(1, member);
            ps.setObject(2, start);
            ps.setObject(3, end);
            ps.executeUpdate();
        }
    }
}
