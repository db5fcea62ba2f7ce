package com.moviepeople.moderation;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.feed.Feed;
import com.moviepeople.messaging.Messaging;
import com.moviepeople.profiles.ProfileService;
import com.moviepeople.profiles.ProfileView;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.ReportableContent;
import com.moviepeople.shared.TextFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Files reports. A member reports only what they can see, decided by the module that owns it:
 * any member, a post or comment the post page would show them, a message they received.
 * Anything else is "not found" and nothing is stored, so ids cannot be probed through reports.
 */
@Service
class ReportService {

    static final int EXCERPT_MAX = 5000;

    enum Outcome { SENT, ALREADY_REPORTED, OWN }

    record Submitted(Outcome outcome, String path) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory members;
    private final ProfileService profiles;
    private final Feed feed;
    private final Messaging messaging;
    private final Clock clock;

    private final com.moviepeople.calls.Calls calls;

    ReportService(JdbcClient jdbc, MemberDirectory members, ProfileService profiles, Feed feed, Messaging messaging,
                  Clock clock, com.moviepeople.calls.Calls calls) {
        this.calls = calls;
        this.jdbc = jdbc;
        this.members = members;
        this.profiles = profiles;
        this.feed = feed;
        this.messaging = messaging;
        this.clock = clock;
    }

    /** Stores the report; a repeat of an open report by the same member stores nothing new. Form already validated. */
    @Transactional
    Submitted submit(long reporterId, ReportForm form) {
        TargetType type = TargetType.parse(form.targetType()).orElseThrow(NotFoundException::new);
        long targetId = form.parsedTargetId();
        ReportableContent target = reportable(reporterId, type, targetId).orElseThrow(NotFoundException::new);
        if (target.authorId() == reporterId) {
            return new Submitted(Outcome.OWN, target.path());
        }
        String category = ReportCategory.parse(form.category()).map(Enum::name).orElse(null);
        int inserted = jdbc.sql("""
                        insert into report (reporter_id, target_type, target_id, target_member_id, excerpt, category, reason, created_at)
                        values (:reporter, :type, :target, :member, :excerpt, :category, :reason, :now)
                        on conflict (reporter_id, target_type, target_id) where status = 'OPEN' do nothing""")
                .param("reporter", reporterId).param("type", type.name()).param("target", targetId)
                .param("member", target.authorId()).param("excerpt", shortened(target.text()))
                .param("category", category).param("reason", form.normalizedReason())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return new Submitted(inserted == 1 ? Outcome.SENT : Outcome.ALREADY_REPORTED, target.path());
    }

    /** The thing, as the reporter sees it; empty when it does not exist or is not theirs to see. */
    Optional<ReportableContent> reportable(long reporterId, TargetType type, long targetId) {
        if (targetId < 1) {
            return Optional.empty();
        }
        return switch (type) {
            case MEMBER -> profiles.findById(targetId).map(ReportService::memberContent);
            case POST -> feed.reportablePost(reporterId, targetId);
            case COMMENT -> feed.reportableComment(reporterId, targetId);
            case MESSAGE -> messaging.reportableMessage(reporterId, targetId);
            case CALL -> calls.reportableCall(reporterId, targetId);
        };
    }

    /** What moderators need to judge a member report: the profile's words as they were. */
    private static ReportableContent memberContent(ProfileView p) {
        StringBuilder text = new StringBuilder(p.displayName()).append(" (@").append(p.username()).append(')');
        for (String field : new String[] {p.headline(), p.role(), p.location(), p.website(), p.bio()}) {
            if (field != null && !field.isBlank()) {
                text.append('\n').append(field);
            }
        }
        return new ReportableContent(p.memberId(), text.toString(), "/people/" + p.username());
    }

    private static String shortened(String text) {
        return TextFormat.atMost(text, EXCERPT_MAX);
    }
}
