package com.moviepeople.availability;

import com.moviepeople.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** availability.json: who may see the member's answers and all their date ranges, private notes included. */
@Component
class AvailabilityPersonalData implements PersonalData {

    record RangeData(LocalDate startDate, LocalDate endDate, String status, Integer holdRank, String note, Instant updatedAt) {
    }

    record AvailabilityData(String visibility, boolean calendarFeed, List<RangeData> ranges) {
    }

    private final JdbcClient jdbc;

    AvailabilityPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "availability.json";
    }

    @Override
    public String description() {
        return """
                Your availability: visibility (who may learn your answers: EVERYONE, CONNECTIONS or
                NOBODY), calendarFeed (whether you made a private calendar feed; its address is secret
                and not included) and ranges, in date order: startDate and endDate (inclusive, YYYY-MM-DD),
                status (AVAILABLE, HOLD or BOOKED), holdRank (1 or 2 for a hold, else null), note (seen by
                you only, or null), updatedAt.""";
    }

    @Override
    public void export(long memberId, Sink out) throws IOException {
        AvailabilityData setting = jdbc.sql("""
                        select coalesce((select visibility from availability_setting where member_id = :me), 'CONNECTIONS'),
                               exists (select 1 from availability_setting where member_id = :me and feed_token_hash is not null)""")
                .param("me", memberId)
                .query((rs, n) -> new AvailabilityData(rs.getString(1), rs.getBoolean(2), List.of()))
                .single();
        List<RangeData> ranges = jdbc.sql("""
                        select start_date, end_date, status, hold_rank, note, updated_at from availability_range
                        where member_id = :me order by start_date""")
                .param("me", memberId)
                .query((rs, n) -> new RangeData(rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getString("status"), (Integer) rs.getObject("hold_rank", Integer.class), rs.getString("note"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        out.json(new AvailabilityData(setting.visibility(), setting.calendarFeed(), ranges));
    }
}
