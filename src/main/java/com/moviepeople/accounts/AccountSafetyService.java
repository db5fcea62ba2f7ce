package com.moviepeople.accounts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** E-mail verification, password reset by e-mail and password change. */
@Service
class AccountSafetyService {

    static final Duration VERIFICATION_VALIDITY = Duration.ofDays(2);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    enum Outcome { OK, INVALID_LINK, WRONG_PASSWORD, EMAIL_TAKEN }

    private final MemberRepository members;
    private final AccountTokens tokens;
    private final AccountMailer mailer;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountSafetyService(MemberRepository members, AccountTokens tokens, AccountMailer mailer, PasswordEncoder passwordEncoder,
                         PasswordPolicy passwordPolicy, ApplicationEventPublisher events, Clock clock) {
        this.members = members;
        this.tokens = tokens;
        this.mailer = mailer;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void sendVerification(long memberId) {
        Member member = members.findById(memberId).orElseThrow();
        if (member.isEmailVerified()) {
            return;
        }
        String token = tokens.issue(memberId, AccountTokens.Purpose.VERIFY_EMAIL, member.getEmail(), VERIFICATION_VALIDITY);
        mailer.send(member.getEmail(), "Confirm your e-mail address for MoviePeople", """
                Hello %s,

                please confirm that this is your e-mail address by opening this link:

                %s

                The link works once and for %d hours. If you did not sign up for MoviePeople, ignore this mail.
                """.formatted(member.getDisplayName(), mailer.link("/verify-email/" + token), VERIFICATION_VALIDITY.toHours()));
    }

    @Transactional
    Outcome verifyEmail(String token) {
        Optional<AccountTokens.Redeemed> redeemed = tokens.redeem(token, AccountTokens.Purpose.VERIFY_EMAIL);
        if (redeemed.isEmpty()) {
            return Outcome.INVALID_LINK;
        }
        Member member = members.findById(redeemed.get().memberId()).orElse(null);
        if (member == null) {
            return Outcome.INVALID_LINK;
        }
        String email = redeemed.get().email();
        if (email != null && !email.equalsIgnoreCase(member.getEmail())) {
            if (members.emailTaken(email)) {
                return Outcome.EMAIL_TAKEN;
            }
            member.changeEmail(email);
        }
        member.markEmailVerified(Instant.now(clock));
        return Outcome.OK;
    }

    /** Always looks the same from outside, whether or not the address belongs to a member. */
    @Transactional
    void requestPasswordReset(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        members.findByLogin(email.strip()).filter(m -> m.getEmail().equalsIgnoreCase(email.strip())).ifPresent(member -> {
            String token = tokens.issue(member.getId(), AccountTokens.Purpose.RESET_PASSWORD, null, RESET_VALIDITY);
            mailer.send(member.getEmail(), "Reset your MoviePeople password", """
                    Hello %s,

                    someone (hopefully you) asked to reset the password of your MoviePeople account. Choose a new one here:

                    %s

                    The link works once and for %d minutes. If you did not ask for this, ignore this mail: your password stays as it is.
                    """.formatted(member.getDisplayName(), mailer.link("/password/reset/" + token), RESET_VALIDITY.toMinutes()));
        });
    }

    boolean resetLinkValid(String token) {
        return tokens.isValid(token, AccountTokens.Purpose.RESET_PASSWORD);
    }

    /**
     * Uses the link up and sets the password in one transaction: a refused password throws, the
     * transaction rolls back, and the link still works for a second try.
     */
    @Transactional
    Outcome resetPassword(String token, String newPassword) {
        Optional<AccountTokens.Redeemed> redeemed = tokens.redeem(token, AccountTokens.Purpose.RESET_PASSWORD);
        if (redeemed.isEmpty()) {
            return Outcome.INVALID_LINK;
        }
        Member member = members.findById(redeemed.get().memberId()).orElse(null);
        if (member == null) {
            return Outcome.INVALID_LINK;
        }
        String problem = passwordPolicy.problemWith(newPassword, member.getUsername(), member.getEmail());
        if (problem != null) {
            throw new WeakPasswordException(problem);
        }
        member.changePasswordHash(passwordEncoder.encode(newPassword));
        // The link reached the mailbox, so the address is verified too.
        if (!member.isEmailVerified()) {
            member.markEmailVerified(Instant.now(clock));
        }
        events.publishEvent(new PasswordChanged(member.getId(), member.getUsername(), null));
        return Outcome.OK;
    }

    @Transactional
    Outcome changePassword(long memberId, String currentPassword, String newPassword, String keepSessionId) {
        Member member = members.findById(memberId).orElseThrow();
        if (!passwordEncoder.matches(currentPassword, member.getPasswordHash())) {
            return Outcome.WRONG_PASSWORD;
        }
        String problem = passwordPolicy.problemWith(newPassword, member.getUsername(), member.getEmail());
        if (problem != null) {
            throw new WeakPasswordException(problem);
        }
        member.changePasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new PasswordChanged(member.getId(), member.getUsername(), keepSessionId));
        return Outcome.OK;
    }

    /** Ends every other session and deletes every remember-me token, once committed (config's SessionRevoker). */
    @Transactional
    void logOutEverywhere(long memberId, String keepSessionId) {
        Member member = members.findById(memberId).orElseThrow();
        events.publishEvent(new LoggedOutEverywhere(member.getId(), member.getUsername(), keepSessionId));
    }

    /** The new address is used once the link mailed to it is opened; the old one is told. */
    @Transactional
    Outcome requestEmailChange(long memberId, String newEmail, String password) {
        Member member = members.findById(memberId).orElseThrow();
        if (!passwordEncoder.matches(password, member.getPasswordHash())) {
            return Outcome.WRONG_PASSWORD;
        }
        if (!newEmail.equalsIgnoreCase(member.getEmail()) && members.emailTaken(newEmail)) {
            return Outcome.EMAIL_TAKEN;
        }
        String token = tokens.issue(memberId, AccountTokens.Purpose.VERIFY_EMAIL, newEmail, VERIFICATION_VALIDITY);
        mailer.send(newEmail, "Confirm your new e-mail address for MoviePeople", """
                Hello %s,

                please confirm that MoviePeople may use this address for your account by opening this link:

                %s

                The link works once and for %d hours. Until then your old address stays in use.
                """.formatted(member.getDisplayName(), mailer.link("/verify-email/" + token), VERIFICATION_VALIDITY.toHours()));
        mailer.send(member.getEmail(), "Your MoviePeople e-mail address is being changed", """
                Hello %s,

                someone logged in to your account asked to change its e-mail address. If this was not you,
                change your password now: %s
                """.formatted(member.getDisplayName(), mailer.link("/settings/password")));
        return Outcome.OK;
    }

    /** Deletes the account after checking the password; modules clean up on {@link MemberDeleted}. */
    @Transactional
    Outcome deleteAccount(long memberId, String password) {
        Member member = members.findById(memberId).orElseThrow();
        if (!passwordEncoder.matches(password, member.getPasswordHash())) {
            return Outcome.WRONG_PASSWORD;
        }
        // Every module cleans up on it; SessionRevoker ends the member's sessions and tokens.
        events.publishEvent(new MemberDeleted(member.getId(), member.getUsername()));
        members.delete(member);
        members.flush();
        return Outcome.OK;
    }

    @Transactional(readOnly = true)
    AccountSettingsView settingsOf(long memberId) {
        Member member = members.findById(memberId).orElseThrow();
        return new AccountSettingsView(member.getUsername(), member.getEmail(), member.isEmailVerified());
    }

    record AccountSettingsView(String username, String email, boolean emailVerified) {
    }

    static class WeakPasswordException extends RuntimeException {
        WeakPasswordException(String message) {
            super(message);
        }
    }
}
