package com.moviepeople.notifications;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;

/**
 * How often a member gets notification e-mails ({@code /settings/notifications}), and the one-click
 * unsubscribe link in every mail ({@code /unsubscribe/{token}}: no login; the key in the address is
 * the permission, and mail programs POST to it without a session, as RFC 8058 has them do).
 */
@Controller
class NotificationEmailController {

    private final NotificationMails mails;
    private final MemberDirectory members;

    NotificationEmailController(NotificationMails mails, MemberDirectory members) {
        this.mails = mails;
        this.members = members;
    }

    @GetMapping("/settings/notifications")
    String settings(@AuthenticationPrincipal CurrentMember me, Model model) {
        return form(me, mails.frequency(me.id()).getValue(), null, model);
    }

    @PostMapping("/settings/notifications")
    String save(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String emailFrequency,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<EmailFrequency> chosen = EmailFrequency.parse(emailFrequency);
        if (chosen.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(me, mails.frequency(me.id()).getValue(), "Choose one of the three.", model);
        }
        mails.setFrequency(me.id(), chosen.get());
        redirect.addFlashAttribute("success", switch (chosen.get()) {
            case IMMEDIATELY -> "Saved: you get an e-mail as things happen.";
            case DAILY -> "Saved: you get one digest a day, on days with something new.";
            case NEVER -> "Saved: no more e-mails about activity.";
        });
        return "redirect:/settings/notifications";
    }

    private String form(CurrentMember me, String chosen, String error, Model model) {
        model.addAttribute("frequencies", EmailFrequency.values());
        model.addAttribute("chosen", chosen);
        model.addAttribute("error", error);
        model.addAttribute("verified", members.isEmailVerified(me.id()));
        return "notifications/settings";
    }

    @GetMapping("/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model) {
        long memberId = mails.memberOfToken(token).orElseThrow(NotFoundException::new);
        model.addAttribute("token", token);
        model.addAttribute("address", members.mailRecipient(memberId).map(r -> masked(r.email())).orElse(null));
        model.addAttribute("done", mails.frequency(memberId) == EmailFrequency.NEVER);
        return "notifications/unsubscribe";
    }

    /** The page's button, and mail programs' one-click POST ({@code List-Unsubscribe=One-Click}). */
    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        if (!mails.unsubscribe(token)) {
            throw new NotFoundException();
        }
        model.addAttribute("token", token);
        model.addAttribute("done", true);
        model.addAttribute("justNow", true);
        return "notifications/unsubscribe";
    }

    /** "maya@example.com" → "m•••@example.com": enough to recognise one's address, not to harvest it. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
    }
}
