package com.moviepeople.accounts;

import com.moviepeople.shared.AnonymousForm;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

@Controller
class SignupController {

    private final AccountService accounts;
    private final AccountSafetyService safety;
    private final RateLimiter rateLimiter;
    private final UserDetailsService userDetailsService;
    private final SecurityContextRepository securityContextRepository = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy securityContextHolder = SecurityContextHolder.getContextHolderStrategy();

    SignupController(AccountService accounts, AccountSafetyService safety, RateLimiter rateLimiter,
                     UserDetailsService userDetailsService) {
        this.accounts = accounts;
        this.safety = safety;
        this.rateLimiter = rateLimiter;
        this.userDetailsService = userDetailsService;
    }

    @AnonymousForm
    @GetMapping("/signup")
    String form(Principal principal, Model model) {
        if (principal != null) {
            return "redirect:/feed";
        }
        model.addAttribute("signupForm", SignupForm.empty());
        return "accounts/signup";
    }

    @AnonymousForm
    @PostMapping("/signup")
    String signup(@Valid @ModelAttribute("signupForm") SignupForm form, BindingResult result, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        rateLimiter.consumeOrThrow("signup-per-address", request.getRemoteAddr());
        accounts.validateSignup(form, result);
        if (result.hasErrors()) {
            return redisplay(form, result, model);
        }
        MemberSummary member;
        try {
            member = accounts.register(form);
        } catch (DuplicateAccountException e) {
            result.rejectValue(e.field(), e.field() + ".taken", e.getMessage());
            return redisplay(form, result, model);
        }
        safety.sendVerification(member.id());
        logIn(member, request, response);
        redirect.addFlashAttribute("success", "Welcome to MoviePeople, " + member.displayName()
                + "! We sent you a link to confirm your e-mail address. Meanwhile, start with your profile: it is how crews find you.");
        return "redirect:/profile/edit";
    }

    private static String redisplay(SignupForm form, BindingResult result, Model model) {
        // Keep what the member typed, except the password, and keep the field errors.
        model.addAttribute("signupForm", form.withoutPassword());
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "signupForm", result);
        return "accounts/signup";
    }

    /** Logs the new member in, with a new session id (no session fixation). */
    private void logIn(MemberSummary member, HttpServletRequest request, HttpServletResponse response) {
        CurrentMember principal = (CurrentMember) userDetailsService.loadUserByUsername(member.username());
        principal.eraseCredentials();
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities());
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        }
        SecurityContext context = securityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        securityContextHolder.setContext(context);
        securityContextRepository.saveContext(context, request, response);
    }
}
