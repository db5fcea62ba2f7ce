package com.moviepeople.credits;

import com.moviepeople.blocking.Blocks;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.FilmRoles;
import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.RateLimiter;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Set;
import java.util.regex.Pattern;

/** Productions, credits and confirmations: the pages and forms of the credits module. */
@Controller
class CreditsController {

    private static final String FORM = "credits/production-form";
    private static final String PAGE = "credits/production";
    /** Where a confirm or delete button may send the member back: a profile or a production page. */
    private static final Pattern RETURN_TO = Pattern.compile("/(people/[a-z0-9._-]{1,30}|productions/\\d{1,18})(#[a-z0-9-]{1,40})?");

    private final ProductionService productions;
    private final CreditService credits;
    private final Blocks blocks;
    private final RateLimiter rateLimiter;

    CreditsController(ProductionService productions, CreditService credits, Blocks blocks, RateLimiter rateLimiter) {
        this.productions = productions;
        this.credits = credits;
        this.blocks = blocks;
        this.rateLimiter = rateLimiter;
    }

    @ModelAttribute("kinds")
    java.util.List<ProductionKind.Kind> kinds() {
        return ProductionKind.ALL;
    }

    @GetMapping("/productions")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String before, Model model) {
        String query = q == null ? "" : com.moviepeople.shared.TextFormat.prefix(q.strip(), 200);
        KeysetCursor cursor = KeysetCursor.decodeOrStart(before);
        model.addAttribute("q", query);
        model.addAttribute("page", productions.search(query, cursor));
        model.addAttribute("firstPage", cursor.isStart());
        return "credits/productions";
    }

    @GetMapping("/productions/new")
    String newProduction(@RequestParam(required = false) String title, Model model) {
        String prefill = title == null ? "" : title;
        model.addAttribute("form", new ProductionForm(prefill.length() > ProductionForm.TITLE_MAX ? "" : prefill, null, "", "", false));
        return FORM;
    }

    @PostMapping("/productions")
    String create(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute("form") ProductionForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        productions.validate(form, result);
        if (!result.hasErrors() && !productions.mayCreate(me.id())) {
            result.reject("unverified", "Confirm your e-mail address first: only verified members add productions. "
                    + "The link is in the mail we sent you (Settings → E-mail sends it again).");
        }
        if (result.hasErrors()) {
            return FORM;
        }
        rateLimiter.consumeForMember(me.id(), "productions-burst", "productions-per-member");
        ProductionService.CreateResult created = productions.create(me.id(), form);
        if (created.production() == null) {
            model.addAttribute("nearMatches", created.nearMatches());
            return FORM;
        }
        redirect.addFlashAttribute("success", created.existed()
                ? "“" + created.production().label() + "” is already on MoviePeople: add your credit here."
                : "“" + created.production().label() + "” is on MoviePeople. Now add your credit.");
        redirect.addAttribute("id", created.production().id());
        return "redirect:/productions/{id}#add-credit";
    }

    @GetMapping("/productions/{id:[0-9]{1,18}}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentMember me, Model model,
                jakarta.servlet.http.HttpServletResponse response) {
        com.moviepeople.shared.WebUrls.cacheableForVisitors(me, response);
        if (!model.containsAttribute("creditForm")) {
            model.addAttribute("creditForm", CreditForm.forProduction(id));
        }
        return page(id, me, model);
    }

    @PostMapping("/credits")
    String addCredit(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute("creditForm") CreditForm form,
                     BindingResult result, Model model, RedirectAttributes redirect) {
        if (form.productionId() == null || productions.find(form.productionId()).isEmpty()) {
            throw new NotFoundException();
        }
        if (result.hasErrors()) {
            return page(form.productionId(), me, model);
        }
        rateLimiter.consumeForMember(me.id(), "credits-burst", "credits-per-member");
        try {
            credits.add(me.id(), form);
        } catch (CreditService.DuplicateCreditException e) {
            result.rejectValue("role", "role.duplicate", "You already have this credit on this production.");
            return page(form.productionId(), me, model);
        } catch (CreditService.TooManyCreditsException e) {
            result.reject("credits.full", "You already have " + Credits.MAX_CREDITS_PER_MEMBER
                    + " credits, the most a profile holds. Remove one to add this one.");
            return page(form.productionId(), me, model);
        }
        redirect.addFlashAttribute("success", "Your credit as " + CreditService.canonicalRole(form.role())
                + " is on your profile. Colleagues on this production can now confirm it.");
        redirect.addAttribute("id", form.productionId());
        return "redirect:/productions/{id}";
    }

    @PostMapping("/credits/{id}/delete")
    String deleteCredit(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                        @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        credits.delete(me.id(), id);
        redirect.addFlashAttribute("success", "The credit was removed from your profile.");
        // The production may be gone with its last credit: back to the profile unless told otherwise.
        return back(returnTo, "/people/" + me.username());
    }

    @PostMapping("/credits/{id}/confirm")
    String confirm(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                   @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        long production = credits.confirm(me.id(), id);
        redirect.addFlashAttribute("success", "You confirmed the credit. Thank you for vouching for a colleague.");
        return back(returnTo, "/productions/" + production);
    }

    @PostMapping("/credits/{id}/unconfirm")
    String unconfirm(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                     @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        long production = credits.unconfirm(me.id(), id);
        redirect.addFlashAttribute("success", "You withdrew your confirmation.");
        return back(returnTo, "/productions/" + production);
    }

    @PostMapping("/credits/{id}/confirmations/{username}/hide")
    String hide(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, @PathVariable String username,
                RedirectAttributes redirect) {
        credits.setHidden(me.id(), id, username, true);
        redirect.addFlashAttribute("success", "That confirmation no longer shows on your profile.");
        return "redirect:/people/" + me.username() + "#credits";
    }

    @PostMapping("/credits/{id}/confirmations/{username}/show")
    String unhide(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, @PathVariable String username,
                  RedirectAttributes redirect) {
        credits.setHidden(me.id(), id, username, false);
        redirect.addFlashAttribute("success", "That confirmation shows on your profile again.");
        return "redirect:/people/" + me.username() + "#credits";
    }

    @GetMapping("/connections/suggestions")
    String suggestions(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String after,
                       Model model) {
        model.addAttribute("page", credits.suggestions(me.id(), after));
        model.addAttribute("firstPage", after == null || after.isBlank());
        model.addAttribute("returnTo", "/connections/suggestions");
        return "credits/suggestions";
    }

    private String page(long id, CurrentMember me, Model model) {
        ProductionService.ProductionDetails production = productions.find(id).orElseThrow(NotFoundException::new);
        Set<Long> blocked = me == null ? Set.of() : blocks.blockedIdsOf(me.id());
        var byDepartment = credits.productionCredits(id, me == null ? null : me.id(), blocked);
        model.addAttribute("production", production);
        model.addAttribute("canonicalUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/productions/{id}").buildAndExpand(id).toUriString());
        model.addAttribute("departments", byDepartment);
        model.addAttribute("creditCount", byDepartment.values().stream().mapToInt(java.util.List::size).sum());
        model.addAttribute("onProduction", me != null && byDepartment.values().stream().flatMap(java.util.List::stream)
                .anyMatch(c -> c.member().id() == me.id()));
        model.addAttribute("roleDepartments", FilmRoles.DEPARTMENTS);
        return PAGE;
    }

    private static String back(String returnTo, String fallback) {
        return "redirect:" + (returnTo != null && RETURN_TO.matcher(returnTo).matches() ? returnTo : fallback);
    }
}
