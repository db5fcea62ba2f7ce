package com.moviepeople.accounts;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creates accounts and answers questions about members for the other modules. */
@Service
public class AccountService implements MemberDirectory, MemberModeration {

    static final String USERNAME_TAKEN = "This username is taken. Please choose another.";
    static final String USERNAME_LOOKALIKE = "This username looks too much like an existing member's. Please choose another.";
    static final String EMAIL_TAKEN = "An account with this e-mail address already exists. Log in instead?";

    private final MemberRepository members;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Plain SQL for the lookups every page makes (one statement, no persistence context). */
    private final JdbcClient jdbc;

    private static final RowMapper<MemberSummary> SUMMARY = (rs, n) ->
            new MemberSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"));

    AccountService(MemberRepository members, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
                   ApplicationEventPublisher events, Clock clock, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.members = members;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.events = events;
        this.clock = clock;
    }

    /** The checks that need more than an annotation; adds field errors to {@code errors}. */
    @Transactional(readOnly = true)
    void validateSignup(SignupForm form, Errors errors) {
        String username = UsernameRules.normalize(form.username());
        String problem = UsernameRules.problemWith(username);
        if (problem != null) {
            errors.rejectValue("username", "username.invalid", problem);
        } else if (members.usernameTaken(username)) {
            errors.rejectValue("username", "username.taken", USERNAME_TAKEN);
        } else if (members.lookAlikeTaken(username)) {
            errors.rejectValue("username", "username.lookalike", USERNAME_LOOKALIKE);
        }
        if (!errors.hasFieldErrors("email") && members.emailTaken(form.email().strip())) {
            errors.rejectValue("email", "email.taken", EMAIL_TAKEN);
        }
        if (!errors.hasFieldErrors("password")) {
            String weak = passwordPolicy.problemWith(form.password(), username, form.email());
            if (weak != null) {
                errors.rejectValue("password", "password.weak", weak);
            }
        }
    }

    /**
     * Creates the account. The database's unique indexes are the final word: two simultaneous
     * sign-ups with the same name cannot both succeed, and the loser gets a form error.
     */
    @Transactional
    MemberSummary register(SignupForm form) {
        Member member = new Member(UsernameRules.normalize(form.username()), form.email().strip(),
                passwordEncoder.encode(form.password()), form.displayName().strip(), Instant.now(clock));
        try {
            members.saveAndFlush(member);
        } catch (DataIntegrityViolationException e) {
            throw duplicateFrom(e);
        }
        events.publishEvent(new MemberRegistered(member.getId(), member.getUsername(), member.getDisplayName()));
        return member.toSummary();
    }

    /** For the demo community and the data generator: a member whose address needs no verification. */
    @Transactional
    public MemberSummary registerVerified(String username, String email, String password, String displayName) {
        SignupForm form = new SignupForm(username, email, password, displayName);
        MemberSummary summary = register(form);
        members.findById(summary.id()).ifPresent(m -> m.markEmailVerified(Instant.now(clock)));
        return summary;
    }

    /**
     * The member's public name, as edited on the profile page. Joins the caller's transaction, so
     * a profile edit saves the name and the profile together or not at all.
     */
    @Transactional
    public void changeDisplayName(long memberId, String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 80) {
            throw new IllegalArgumentException("Display names are 1 to 80 characters");
        }
        Member member = members.findById(memberId).orElseThrow(() -> new IllegalArgumentException("No member " + memberId));
        member.setDisplayName(displayName.strip());
    }

    @Override
    public Optional<MemberSummary> findById(long id) {
        return jdbc.sql("select id, username, display_name from member where id = :id")
                .param("id", id).query(SUMMARY).optional();
    }

    @Override
    public Optional<MemberSummary> findByUsername(String username) {
        if (username == null || username.isBlank() || username.length() > UsernameRules.MAX_LENGTH) {
            return Optional.empty();
        }
        // citext: the parameter is cast, or it would compare as text, case-sensitively.
        return jdbc.sql("select id, username, display_name from member where username = cast(:u as citext)")
                .param("u", username.strip()).query(SUMMARY).optional();
    }

    @Override
    public Map<Long, MemberSummary> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, username, display_name from member where id = any(:ids)")
                .param("ids", ids.stream().mapToLong(Long::longValue).distinct().toArray())
                .query(SUMMARY).list().stream()
                .collect(Collectors.toMap(MemberSummary::id, Function.identity()));
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return members.count();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isEmailVerified(long id) {
        return members.findById(id).map(Member::isEmailVerified).orElse(false);
    }

    @Override
    public Optional<MailRecipient> mailRecipient(long id) {
        return jdbc.sql("""
                        select id, username, display_name, email from member
                        where id = :id and email_verified_at is not null and suspended_at is null""")
                .param("id", id)
                .query((rs, i) -> new MailRecipient(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("email")))
                .optional();
    }

    // --- moderation ------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public boolean isModerator(long memberId) {
        return members.findById(memberId).map(m -> m.isModerator() && !m.isSuspended()).orElse(false);
    }

    @Override
    @Transactional
    public boolean suspend(long memberId, long moderatorId) {
        if (memberId == moderatorId) {
            return false;
        }
        Member member = members.findById(memberId).orElse(null);
        if (member == null || member.isModerator()) {
            return false;
        }
        if (!member.isSuspended()) {
            member.suspend(Instant.now(clock));
        }
        // Also on a repeat: a session that slipped through (another instance) is ended again.
        events.publishEvent(new MemberSuspended(member.getId(), member.getUsername(), moderatorId));
        return true;
    }

    @Override
    @Transactional
    public boolean grantModerator(String username) {
        Optional<Member> member = username == null ? Optional.empty() : members.findByUsernameIgnoringCase(username.strip());
        member.ifPresent(Member::grantModerator);
        return member.isPresent();
    }

    private static RuntimeException duplicateFrom(DataIntegrityViolationException e) {
        String constraint = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve) {
                constraint = cve.getConstraintName();
                break;
            }
        }
        if ("member_username_key".equals(constraint)) {
            return new DuplicateAccountException("username", USERNAME_TAKEN);
        }
        if ("member_username_skeleton_key".equals(constraint)) {
            return new DuplicateAccountException("username", USERNAME_LOOKALIKE);
        }
        if ("member_email_key".equals(constraint)) {
            return new DuplicateAccountException("email", EMAIL_TAKEN);
        }
        return e;
    }
}
