package com.moviepeople.credits;

import com.moviepeople.shared.MemberCard;

import java.util.List;

/**
 * One credit as a page shows it to one viewer.
 *
 * @param member           the credited member
 * @param confirmers       the colleagues who confirmed it, oldest first, as the viewer may see them
 *                         (never hidden ones to others, never members blocked by the viewer)
 * @param hiddenConfirmers confirmations the owner hid (shown to the owner only, with a way back)
 * @param viewerConfirmed  the viewer confirmed it
 * @param viewerMayConfirm the viewer holds a credit on the same production and this is not theirs
 * @param own              the viewer owns it (may delete it and hide confirmations)
 * @param showNames        the viewer is logged in: confirmers' names are shown (visitors see the count)
 */
public record CreditView(long id, ProductionRef production, String role, String department, String note,
                         MemberCard member, List<MemberCard> confirmers, List<MemberCard> hiddenConfirmers,
                         boolean viewerConfirmed, boolean viewerMayConfirm, boolean own, boolean showNames) {

    /** What {@code data-confirmations} carries: the confirmations shown on the profile (hidden ones left out). */
    public int confirmationCount() {
        return confirmers.size();
    }

    public String confirmationLabel() {
        int n = confirmers.size();
        return n == 0 ? "Not confirmed yet" : n == 1 ? "Confirmed by 1 colleague" : "Confirmed by " + n + " colleagues";
    }
}
