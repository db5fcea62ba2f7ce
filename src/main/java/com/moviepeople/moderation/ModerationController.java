package com.moviepeople.moderation;

import com.moviepeople.shared.CurrentMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The moderators' page of open reports (oldest first, keyset-paged) and its actions. ROLE_MODERATOR only. */
@Controller
class ModerationController {

    static final int PAGE_SIZE = 20;

    private final ModerationService moderation;

    ModerationController(ModerationService moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/moderation/reports")
    String reports(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String after, Model model) {
        long from = after(after);
        model.addAttribute("queue", moderation.openReports(me.id(), from, PAGE_SIZE));
        model.addAttribute("firstPage", from == 0);
        return "moderation/reports";
    }

    @PostMapping("/moderation/reports/{id:[0-9]{1,18}}/dismiss")
    String dismiss(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, RedirectAttributes flash) {
        ModerationService.Handled handled = moderation.dismiss(me.id(), id);
        flash.addFlashAttribute("success", handled.outcome() == ModerationService.Outcome.DONE
                ? "Report dismissed." : "That report was already handled.");
        return "redirect:/moderation/reports";
    }

    @PostMapping("/moderation/reports/{id:[0-9]{1,18}}/suspend")
    String suspend(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, RedirectAttributes flash) {
        ModerationService.Handled handled = moderation.suspend(me.id(), id);
        switch (handled.outcome()) {
            case DONE -> flash.addFlashAttribute("success", handled.member().displayName() + " (@" + handled.member().username()
                    + ") is suspended: they are logged out and cannot log in. Their open reports are closed.");
            case ALREADY_HANDLED -> flash.addFlashAttribute("success", "That report was already handled.");
            case MEMBER_GONE -> flash.addFlashAttribute("error", "That member deleted their account. Dismiss the report instead.");
            case SELF -> flash.addFlashAttribute("error", "You can’t suspend yourself.");
            case MODERATOR -> flash.addFlashAttribute("error", handled.member().displayName()
                    + " is a moderator: a moderator can’t be suspended by another. The report stays open.");
        }
        return "redirect:/moderation/reports";
    }

    @PostMapping("/moderation/reports/{id:[0-9]{1,18}}/remove-call")
    String removeCall(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, RedirectAttributes flash) {
        ModerationService.Handled handled = moderation.removeCall(me.id(), id);
        switch (handled.outcome()) {
            case DONE -> flash.addFlashAttribute("success", "The call is removed; its applicants are told it was cancelled.");
            case NOT_A_CALL -> flash.addFlashAttribute("error", "That report is not about a crew call.");
            default -> flash.addFlashAttribute("success", "That report was already handled.");
        }
        return "redirect:/moderation/reports";
    }

    /** The keyset: the last report id of the previous page; anything malformed means the first page. */
    private static long after(String value) {
        if (value == null || value.isBlank() || value.length() > 18) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
