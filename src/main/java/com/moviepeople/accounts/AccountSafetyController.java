package com.moviepeople.accounts;

import com.moviepeople.shared.AnonymousForm;
import com.moviepeople.accounts.PasswordForms.ChangeEmailForm;
import com.moviepeople.accounts.PasswordForms.ChangePasswordForm;
import com.moviepeople.accounts.PasswordForms.DeleteAccountForm;
import com.moviepeople.accounts.PasswordForms.ForgotPasswordForm;
import com.moviepeople.accounts.PasswordForms.ResetPasswordForm;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.InetAddress;
import java.net.UnknownHostException;

@Controller
class AccountSafetyController {

    private final AccountSafetyService safety;
    private final AccountMailer mailer;
    private final RateLimiter rateLimiter;

    AccountSafetyController(AccountSafetyService safety, AccountMailer mailer, RateLimiter rateLimiter) {
        this.safety = safety;
        this.mailer = mailer;
        this.rateLimiter = rateLimiter;
    }

    // --- e-mail verification ---

    @GetMapping("/verify-email/{token}")
    String verify(@PathVariable String token, Model model) {
        model.addAttribute("outcome", safety.verifyEmail(token).name());
        return "accounts/verify-email";
    }

    @PostMapping("/verify-email/resend")
    String resend(@AuthenticationPrincipal CurrentMember me, RedirectAttributes redirect) {
        rateLimiter.consumeOrThrow("verification-mail-per-member", Long.toString(me.id()));
        safety.sendVerification(me.id());
        redirect.addFlashAttribute("success", "We sent you a new confirmation link. It works for 2 days.");
        return "redirect:/settings/password";
    }

    // --- forgotten password ---

    @AnonymousForm
    @GetMapping("/password/forgot")
    String forgotForm(Model model) {
        model.addAttribute("forgotPasswordForm", new ForgotPasswordForm(""));
        return "accounts/password-forgot";
    }

    @AnonymousForm
    @PostMapping("/password/forgot")
    String forgot(@Valid @ModelAttribute ForgotPasswordForm forgotPasswordForm, BindingResult result, Model model,
                  HttpServletRequest request) {
        rateLimiter.consumeOrThrow("password-reset-per-address", request.getRemoteAddr());
        if (result.hasErrors()) {
            return "accounts/password-forgot";
        }
        // Over the per-address limit: the same answer, but no mail (the mailbox is not flooded).
        if (rateLimiter.tryConsume("password-reset-per-email", forgotPasswordForm.email())) {
            safety.requestPasswordReset(forgotPasswordForm.email());
        }
        model.addAttribute("sent", true);
        return "accounts/password-forgot";
    }

    @AnonymousForm
    @GetMapping("/password/reset/{token}")
    String resetForm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("linkValid", safety.resetLinkValid(token));
        model.addAttribute("resetPasswordForm", new ResetPasswordForm(""));
        return "accounts/password-reset";
    }

    @AnonymousForm
    @PostMapping("/password/reset/{token}")
    String reset(@PathVariable String token, @Valid @ModelAttribute ResetPasswordForm resetPasswordForm,
                 BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("token", token);
        model.addAttribute("linkValid", true);
        if (!result.hasErrors()) {
            try {
                if (safety.resetPassword(token, resetPasswordForm.password()) == AccountSafetyService.Outcome.OK) {
                    redirect.addFlashAttribute("success", "Your password has been changed. Log in with your new password.");
                    return "redirect:/login";
                }
                model.addAttribute("linkValid", false);
            } catch (AccountSafetyService.WeakPasswordException e) {
                result.rejectValue("password", "password.weak", e.getMessage());
            }
        }
        // The password inputs never echo what was typed (no th:field on them).
        return "accounts/password-reset";
    }

    // --- settings: password ---

    @GetMapping("/settings/password")
    String changeForm(Model model) {
        model.addAttribute("changePasswordForm", new ChangePasswordForm("", ""));
        return "accounts/settings-password";
    }

    @PostMapping("/settings/password")
    String change(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute ChangePasswordForm changePasswordForm,
                  BindingResult result, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                AccountSafetyService.Outcome outcome = safety.changePassword(me.id(), changePasswordForm.currentPassword(),
                        changePasswordForm.newPassword(), request.getSession().getId());
                if (outcome == AccountSafetyService.Outcome.OK) {
                    redirect.addFlashAttribute("success", "Your password has been changed. Your other devices have been logged out.");
                    return "redirect:/settings/password";
                }
                result.rejectValue("currentPassword", "password.wrong", "That is not your current password.");
            } catch (AccountSafetyService.WeakPasswordException e) {
                result.rejectValue("newPassword", "password.weak", e.getMessage());
            }
        }
        return "accounts/settings-password";
    }

    // --- settings: sessions ---

    @GetMapping("/settings/sessions")
    String sessions() {
        return "accounts/settings-sessions";
    }

    @PostMapping("/settings/logout-everywhere")
    String logOutEverywhere(@AuthenticationPrincipal CurrentMember me, HttpServletRequest request, RedirectAttributes redirect) {
        safety.logOutEverywhere(me.id(), request.getSession().getId());
        redirect.addFlashAttribute("success", "You have been logged out on every other device and browser, "
                + "and “remember me” has been switched off everywhere.");
        return "redirect:/settings/sessions";
    }

    // --- settings: e-mail and account deletion ---

    @ModelAttribute("account")
    AccountSafetyService.AccountSettingsView account(@AuthenticationPrincipal CurrentMember me) {
        return me == null ? null : safety.settingsOf(me.id());
    }

    @GetMapping("/settings/email")
    String emailForm(Model model) {
        model.addAttribute("changeEmailForm", new ChangeEmailForm("", ""));
        return "accounts/settings-email";
    }

    @PostMapping("/settings/email")
    String changeEmail(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute ChangeEmailForm changeEmailForm,
                       BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            switch (safety.requestEmailChange(me.id(), changeEmailForm.email(), changeEmailForm.password())) {
                case OK -> {
                    redirect.addFlashAttribute("success", "We sent a confirmation link to " + changeEmailForm.email()
                            + ". Your new address is used once you open it.");
                    return "redirect:/settings/email";
                }
                case WRONG_PASSWORD -> result.rejectValue("password", "password.wrong", "That is not your password.");
                case EMAIL_TAKEN -> result.rejectValue("email", "email.taken", AccountService.EMAIL_TAKEN);
                default -> result.reject("failed", "That did not work. Please try again.");
            }
        }
        return "accounts/settings-email";
    }

    @GetMapping("/settings/delete-account")
    String deleteForm(Model model) {
        model.addAttribute("deleteAccountForm", new DeleteAccountForm(""));
        return "accounts/settings-delete";
    }

    @PostMapping("/settings/delete-account")
    String delete(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute DeleteAccountForm deleteAccountForm,
                  BindingResult result, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            if (safety.deleteAccount(me.id(), deleteAccountForm.password()) == AccountSafetyService.Outcome.OK) {
                new SecurityContextLogoutHandler().logout(request, response, null);
                redirect.addFlashAttribute("success", "Your account and everything you shared have been deleted. Goodbye, and good luck on set.");
                return "redirect:/";
            }
            result.rejectValue("password", "password.wrong", "That is not your password.");
        }
        return "accounts/settings-delete";
    }

    // --- development outbox ---

    /** Only without SMTP (the embedded default) and only from this machine: it shows reset links. */
    @GetMapping("/dev/outbox")
    String outbox(HttpServletRequest request, Model model) {
        if (!mailer.outboxEnabled() || !isLoopback(request.getRemoteAddr())) {
            throw new NotFoundException();
        }
        model.addAttribute("mails", mailer.outbox());
        return "accounts/outbox";
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
