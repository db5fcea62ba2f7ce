package com.moviepeople.moderation;

import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.RateLimiter;
import com.moviepeople.shared.ReportableContent;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reporting. The small collapsed forms on profiles and calls post here; posts, comments and
 * messages, which come in long lists, link to the full form at {@code /reports/new} (it shows what
 * is reported), as does a report that needs correcting. After a report, back to where the thing is shown.
 */
@Controller
class ReportController {

    private static final String FORM = "moderation/report";

    private final ReportService reports;
    private final RateLimiter rateLimiter;

    ReportController(ReportService reports, RateLimiter rateLimiter) {
        this.reports = reports;
        this.rateLimiter = rateLimiter;
    }

    /** The form's choices: value → label. */
    @ModelAttribute("categories")
    Map<String, String> categories() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (ReportCategory c : ReportCategory.values()) {
            choices.put(c.name().toLowerCase(Locale.ROOT), c.label());
        }
        return choices;
    }

    @GetMapping("/reports/new")
    String form(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String targetType,
                @RequestParam(required = false) String targetId, Model model) {
        ReportForm form = ReportForm.of(targetType, targetId);
        model.addAttribute("target", checkVisible(me, form));
        model.addAttribute("form", form);
        return FORM;
    }

    @PostMapping("/reports")
    String report(@AuthenticationPrincipal CurrentMember me, @ModelAttribute("form") ReportForm form, BindingResult result,
                  HttpServletResponse response, RedirectAttributes flash, Model model) {
        form.validate(result);
        if (result.hasFieldErrors("targetType") || result.hasFieldErrors("targetId")) {
            throw new NotFoundException();
        }
        // Not theirs to see: 404 whatever else was typed, so that the answer tells nothing.
        ReportableContent target = checkVisible(me, form);
        if (result.hasErrors()) {
            model.addAttribute("target", target);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return FORM;
        }
        rateLimiter.consumeForMember(me.id(), "reports-burst", "reports-per-member");
        ReportService.Submitted submitted = reports.submit(me.id(), form);
        switch (submitted.outcome()) {
            case SENT -> flash.addFlashAttribute("success", "Thank you. Your report has been sent to the moderators; "
                    + "the member is not told who reported them.");
            case ALREADY_REPORTED -> flash.addFlashAttribute("success", "You have already reported this; the moderators will look at it.");
            case OWN -> flash.addFlashAttribute("error", "You can’t report yourself or what you wrote.");
        }
        return "redirect:" + submitted.path();
    }

    /** What is reported, when the member may see it; otherwise 404. */
    private ReportableContent checkVisible(CurrentMember me, ReportForm form) {
        TargetType type = TargetType.parse(form.targetType()).orElseThrow(NotFoundException::new);
        return reports.reportable(me.id(), type, form.parsedTargetId()).orElseThrow(NotFoundException::new);
    }
}
