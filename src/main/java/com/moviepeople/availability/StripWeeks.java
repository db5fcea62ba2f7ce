package com.moviepeople.availability;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The weeks of the profile's {@link AvailabilityStrip} as of one day ({@link Availability#stripWeeks}),
 * for a statement of another module that joins the documented SQL function
 * {@code mp_availability_periods(member, viewer, firsts, lasts)} (V49), where a statement of this
 * module's own cost one more per page: {@link #join} gives the join, {@link #firsts} and
 * {@link #lasts} its parameters, {@link #strip(ResultSet, String)} the strip from its column.
 */
public record StripWeeks(List<AvailabilityPeriod> weeks) {

    public StripWeeks {
        weeks = List.copyOf(weeks);
    }

    /**
     * The lateral join of the function for the member in column expression {@code member} and the
     * viewer in parameter {@code :viewer} (a bigint, null for anonymous visitors), its one column
     * {@code answers} read through {@code alias}; the weeks go in parameters {@code :<alias>_firsts}
     * and {@code :<alias>_lasts}.
     */
    public static String join(String member, String alias) {
        return "left join lateral mp_availability_periods(%1$s, cast(:viewer as bigint), cast(:%2$s_firsts as date[]), cast(:%2$s_lasts as date[])) %2$s on true"
                .formatted(member, alias);
    }

    /** The weeks' first days, ISO dates for the {@code date[]} parameter. */
    public String[] firsts() {
        return weeks.stream().map(w -> w.first().toString()).toArray(String[]::new);
    }

    /** The weeks' last days, ISO dates for the {@code date[]} parameter. */
    public String[] lasts() {
        return weeks.stream().map(w -> w.last().toString()).toArray(String[]::new);
    }

    /** The strip from the function's {@code answers} in {@code column}; empty when the viewer may not know. */
    public Optional<AvailabilityStrip> strip(ResultSet rs, String column) throws SQLException {
        Array answers = rs.getArray(column);
        if (answers == null) {
            return Optional.empty();
        }
        return strip(List.of((String[]) answers.getArray()));
    }

    /** The strip from the answers of the weeks in order; empty when there are none (the viewer may not know). */
    Optional<AvailabilityStrip> strip(List<String> answers) {
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        if (answers.size() != weeks.size()) {
            throw new IllegalStateException("Expected " + weeks.size() + " answers, got " + answers.size());
        }
        List<AvailabilityStrip.Week> strip = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            strip.add(new AvailabilityStrip.Week(weeks.get(i).first(), weeks.get(i).last(),
                    AvailabilityAnswer.fromSql(answers.get(i)).orElseThrow()));
        }
        return Optional.of(new AvailabilityStrip(List.copyOf(strip)));
    }
}
