package com.moviepeople.calls;

import com.moviepeople.shared.MemberCard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

/** A crew call as pages show it. {@code applications}: how many (for its poster). */
record CallView(long id, MemberCard poster, String title, String role, String productionLabel, Long productionId,
                String location, boolean remote, LocalDate startDate, LocalDate endDate, BigDecimal payRate, String payUnit,
                String currency, boolean unpaid, LocalDate deadline, String description, String status, Instant createdAt,
                long applications) {

    /** "€350 / day", "US$2,000 flat" or "Unpaid". */
    public String getPay() {
        if (unpaid) {
            return "Unpaid";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(Currency.getInstance(currency));
        format.setMaximumFractionDigits(payRate.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMinimumFractionDigits(payRate.stripTrailingZeros().scale() > 0 ? 2 : 0);
        return format.format(payRate) + " " + PayUnit.parse(payUnit).map(PayUnit::suffix).orElse("");
    }

    /** {@code data-pay}: "paid" or "unpaid". */
    public String getPayKind() {
        return unpaid ? "unpaid" : "paid";
    }

    public String getPlace() {
        return remote ? "Remote" : location;
    }

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    /** "Open", "Filled", "Cancelled", "Removed". */
    public String getStatusLabel() {
        return status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT);
    }
}
