package com.moviepeople.profiles;

import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.Visibility;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Optional;

/**
 * Who sees what ({@code /settings/privacy}: one choice per field, enforced by {@link ProfileService},
 * member cards and search) and the plain-language privacy page ({@code /privacy}, public).
 */
@Controller
class PrivacyController {

    private static final String SETTINGS = "profiles/privacy-settings";

    /** The fields of the form, in the page's order, with what each one covers. */
    record Field(String name, String label, String covers) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("connectionsList", "Your connections",
                    "The number of your connections and the ones you have in common, on your profile."),
            new Field("location", "Your location",
                    "On your profile and its link previews, in search results and the search by location, in lists of members."),
            new Field("website", "Your website", "On your profile."),
            new Field("email", "Your e-mail address",
                    "On your profile, once confirmed. Nobody sees it unless you choose so here."));

    private final ProfileService profiles;

    PrivacyController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/settings/privacy")
    String settings(@AuthenticationPrincipal CurrentMember me, Model model) {
        model.addAttribute("form", PrivacyForm.of(profiles.privacyOf(me.id())));
        return page(model);
    }

    @PostMapping("/settings/privacy")
    String save(@AuthenticationPrincipal CurrentMember me, @ModelAttribute("form") PrivacyForm form, BindingResult result,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<PrivacySettings> settings = form.settings(result);
        if (settings.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model);
        }
        profiles.savePrivacy(me.id(), settings.get());
        redirect.addFlashAttribute("success", "Saved. Your profile, search and lists follow your choices from now on.");
        return "redirect:/settings/privacy";
    }

    @GetMapping("/privacy")
    String policy() {
        return "profiles/privacy";
    }

    private String page(Model model) {
        model.addAttribute("fields", FIELDS);
        model.addAttribute("choices", Visibility.values());
        return SETTINGS;
    }
}
