package com.moviepeople.accounts;

import com.moviepeople.shared.AnonymousForm;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.security.Principal;

/** The landing page for visitors and the login page; Spring Security handles the login POST. */
@Controller
class LoginController {

    @GetMapping("/")
    String landing(Principal principal, org.springframework.ui.Model model, jakarta.servlet.http.HttpServletResponse response) {
        if (principal != null) {
            return "redirect:/feed";
        }
        com.moviepeople.shared.WebUrls.cacheableForVisitors(null, response);
        model.addAttribute("canonicalUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().path("/").toUriString());
        return "accounts/landing";
    }

    @AnonymousForm
    @GetMapping("/login")
    String login(Principal principal) {
        return principal != null ? "redirect:/feed" : "accounts/login";
    }
}
