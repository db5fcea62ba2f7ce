package com.moviepeople.availability;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two SQL forms of the rule agree: mp_availability (V30, the profile's strip and the API) and
 * mp_available_to (V31, inlined into searches), on random calendars and periods, and on who may know;
 * and so does mp_availability_periods (V49, the profile strip's form, joined into the profile page's
 * statement), which writes the rule out for several periods at once.
 */
class AvailabilitySqlFunctionsIntegrationTests extends IntegrationTest {

    @Autowired
    AvailabilityRepository repository;

    private static final LocalDate START = LocalDate.of(2031, 1, 1);

    /** The strip's function for the periods (through the repository), or the scalar function's answer period by period. */
    private void assertTheStripStatementAgrees(long member, Long viewer, List<AvailabilityPeriod> periods) {
        List<String> expected = new ArrayList<>();
        for (AvailabilityPeriod p : periods) {
            expected.add(scalar(member, viewer, p.first(), p.last()));
        }
        List<String> actual = repository.answers(member, viewer, periods);
        if (expected.get(0) == null) {
            assertThat(actual).as("viewer %s may not know: no answers", viewer).isEmpty();
        } else {
            assertThat(actual).as("%s for %s", periods, viewer).isEqualTo(expected);
        }
    }

    private String scalar(long member, Long viewer, LocalDate first, LocalDate last) {
        return jdbc.queryForObject("select mp_availability(?, ?, ?, ?)", String.class, member, viewer, first, last);
    }

    /** The search form's answer: its row, or null when it returns none. */
    private String search(long member, Long viewer, LocalDate first, LocalDate last, boolean withPartly) {
        List<String> rows = jdbc.queryForList("select answer from mp_available_to(?, ?, ?, ?, ?)", String.class,
                member, viewer, first, last, withPartly);
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void bothFormsGiveTheSameAnswerOnRandomCalendars() {
        Random random = new Random(19);
        for (int calendar = 0; calendar < 4; calendar++) {
            CurrentMember m = newMember("cal");
            LocalDate day = START;
            // Ranges of 1–20 days with gaps of 0–6 days (0: adjacent ranges, which must add up).
            for (int i = 0; i < 25; i++) {
                LocalDate end = day.plusDays(random.nextInt(20));
                String status = List.of("AVAILABLE", "AVAILABLE", "HOLD", "BOOKED").get(random.nextInt(4));
                jdbc.update("insert into availability_range (member_id, start_date, end_date, status, hold_rank) values (?, ?, ?, ?, ?)",
                        m.id(), day, end, status, status.equals("HOLD") ? 1 + random.nextInt(2) : null);
                day = end.plusDays(1 + random.nextInt(7));
            }
            int[] seen = new int[3];
            for (int i = 0; i < 150; i++) {
                LocalDate first = START.minusDays(5).plusDays(random.nextInt(330));
                LocalDate last = first.plusDays(random.nextInt(i % 3 == 0 ? 3 : 45));
                String expected = scalar(m.id(), m.id(), first, last);
                String withPartly = search(m.id(), m.id(), first, last, true);
                String strict = search(m.id(), m.id(), first, last, false);
                String period = first + ".." + last;
                assertThat(withPartly).as(period).isEqualTo(expected.equals("unavailable") ? null : expected);
                assertThat(strict).as(period).isEqualTo(expected.equals("available") ? "available" : null);
                seen[List.of("available", "partly", "unavailable").indexOf(expected)]++;
            }
            assertThat(java.util.Arrays.stream(seen).min().orElseThrow()).as("every answer came up").isPositive();
            // The strip's form: runs of 1–9 periods, adjacent weeks as on the profile or scattered ones.
            for (int i = 0; i < 60; i++) {
                List<AvailabilityPeriod> periods = new ArrayList<>();
                LocalDate first = START.minusDays(5).plusDays(random.nextInt(300));
                for (int n = 1 + random.nextInt(9); n > 0; n--) {
                    LocalDate last = first.plusDays(random.nextInt(i % 2 == 0 ? 7 : 30));
                    periods.add(new AvailabilityPeriod(first, last));
                    first = i % 2 == 0 ? last.plusDays(1) : START.plusDays(random.nextInt(330));
                }
                assertTheStripStatementAgrees(m.id(), m.id(), periods);
            }
        }
    }

    @Test
    void bothFormsLetTheSameViewersKnow() {
        CurrentMember owner = newMember("owner");
        CurrentMember friend = newMember("friend");
        CurrentMember stranger = newMember("stranger");
        connect(owner, friend);
        jdbc.update("insert into availability_range (member_id, start_date, end_date, status) values (?, ?, ?, 'AVAILABLE')",
                owner.id(), START, START.plusDays(30));
        LocalDate first = START.plusDays(2);
        LocalDate last = START.plusDays(9);
        for (String visibility : List.of("DEFAULT", "EVERYONE", "CONNECTIONS", "NOBODY")) {
            if (!visibility.equals("DEFAULT")) {
                jdbc.update("insert into availability_setting (member_id, visibility) values (?, ?) on conflict (member_id) do update set visibility = excluded.visibility",
                        owner.id(), visibility);
            }
            for (Long viewer : new Long[] {owner.id(), friend.id(), stranger.id(), null}) {
                String expected = scalar(owner.id(), viewer, first, last);
                assertThat(search(owner.id(), viewer, first, last, true)).as(visibility + " / " + viewer).isEqualTo(expected);
                assertThat(search(owner.id(), viewer, first, last, false)).as(visibility + " / " + viewer).isEqualTo(expected);
                assertTheStripStatementAgrees(owner.id(), viewer, List.of(new AvailabilityPeriod(first, last),
                        new AvailabilityPeriod(START.plusDays(25), START.plusDays(40))));
            }
            assertThat(scalar(owner.id(), owner.id(), first, last)).isEqualTo("available");
            assertThat(scalar(owner.id(), null, first, last)).isNull();
        }
        // Spot checks of the rule itself, per visibility.
        jdbc.update("update availability_setting set visibility = 'CONNECTIONS' where member_id = ?", owner.id());
        assertThat(search(owner.id(), friend.id(), first, last, false)).isEqualTo("available");
        assertThat(search(owner.id(), stranger.id(), first, last, false)).isNull();
        jdbc.update("update availability_setting set visibility = 'EVERYONE' where member_id = ?", owner.id());
        assertThat(search(owner.id(), stranger.id(), first, last, false)).isEqualTo("available");
        jdbc.update("update availability_setting set visibility = 'NOBODY' where member_id = ?", owner.id());
        assertThat(search(owner.id(), friend.id(), first, last, false)).isNull();
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    /**
     * The connection test of all three forms is the connections module's inlinable
     * mp_accepted_connection (V52), planned into the statement: none of them calls mp_connected,
     * a statement of its own per call (once per qualifying member in a search by dates).
     */
    @Test
    void theConnectionTestIsPartOfTheStatementNotACallPerMember() {
        CurrentMember friend = newMember("friend");
        List<CurrentMember> owners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CurrentMember owner = newMember("owner");
            owners.add(owner);
            connect(owner, friend);
            jdbc.update("insert into availability_range (member_id, start_date, end_date, status) values (?, ?, ?, 'AVAILABLE')",
                    owner.id(), START, START.plusDays(30));
        }
        CurrentMember stranger = newMember("stranger");
        jdbc.update("insert into availability_range (member_id, start_date, end_date, status) values (?, ?, ?, 'AVAILABLE')",
                stranger.id(), START, START.plusDays(30));
        LocalDate first = START.plusDays(2);
        LocalDate last = START.plusDays(9);
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("set local track_functions = 'all'");
            // Visible to their connections (the default): the friend sees the three owners, not the stranger.
            assertThat(jdbc.queryForList("""
                            select m.id from member m cross join lateral mp_available_to(m.id, ?, ?, ?, true) a
                            where m.id between ? and ? order by m.id""", Long.class, friend.id(), first, last,
                            owners.get(0).id(), stranger.id()))
                    .containsExactlyElementsOf(owners.stream().map(CurrentMember::id).toList());
            assertThat(scalar(owners.get(0).id(), friend.id(), first, last)).isEqualTo("available");
            assertThat(scalar(stranger.id(), friend.id(), first, last)).isNull();
            assertThat(repository.answers(owners.get(1).id(), friend.id(), List.of(new AvailabilityPeriod(first, last))))
                    .containsExactly("available");
            assertThat(callsOf("mp_connected(bigint,bigint)")).as("calls of mp_connected").isZero();
            // The counter counts calls: asking mp_connected itself is one.
            assertThat(jdbc.queryForObject("select mp_connected(?, ?)", Boolean.class, owners.get(0).id(), friend.id())).isTrue();
            assertThat(callsOf("mp_connected(bigint,bigint)")).isEqualTo(1);
        });
    }
}
