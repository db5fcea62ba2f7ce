package com.moviepeople.portfolio;

import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.FilmRoles;
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

import java.util.List;

@Controller
class PortfolioController {

    private static final String FORM = "portfolio/form";

    private final PortfolioService portfolio;
    private final RateLimiter rateLimiter;

    /** Uploads and removals of pictures per member and minute (shared with the profile photo). */
    static final String PICTURES_BURST = "pictures-burst";

    PortfolioController(PortfolioService portfolio, RateLimiter rateLimiter) {
        this.portfolio = portfolio;
        this.rateLimiter = rateLimiter;
    }

    /** Suggestions for "your role on it"; free text is allowed. */
    @ModelAttribute("roles")
    List<String> roles() {
        return FilmRoles.ALL;
    }

    @GetMapping("/portfolio/new")
    String newItem(@AuthenticationPrincipal CurrentMember me, Model model) {
        model.addAttribute("form", PortfolioItemForm.empty());
        return form(me, model);
    }

    /** The form, with the member's credits to link the item to. */
    private String form(CurrentMember me, Model model) {
        model.addAttribute("creditOptions", portfolio.creditOptions(me.id()));
        if (model.getAttribute("itemId") instanceof Long itemId) {
            model.addAttribute("stills", portfolio.stillsOf(me.id(), itemId));
            model.addAttribute("maxStills", PortfolioService.MAX_STILLS);
        }
        return FORM;
    }

    @PostMapping("/portfolio")
    String create(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute("form") PortfolioItemForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        portfolio.validate(me.id(), form, result);
        if (result.hasErrors()) {
            return form(me, model);
        }
        rateLimiter.consumeForMember(me.id(), "portfolio-items-burst", "portfolio-items-per-member");
        PortfolioItemView item;
        try {
            item = portfolio.add(me.id(), form);
        } catch (PortfolioFullException e) {
            result.reject("portfolio.full", "Your portfolio already has " + PortfolioService.MAX_ITEMS
                    + " pieces of work, the most it can hold. Remove an older one to add this one.");
            return form(me, model);
        }
        redirect.addFlashAttribute("success", "“" + item.title() + "” is in your portfolio.");
        return toProfile(me, redirect);
    }

    @GetMapping("/portfolio/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, Model model) {
        model.addAttribute("form", portfolio.formFor(me.id(), id));
        model.addAttribute("itemId", id);
        return form(me, model);
    }

    /** A still for the item (multipart field {@code image}); a refused file re-renders the edit page with the reason. */
    @PostMapping("/portfolio/{id}/stills")
    String addStill(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                    @RequestParam(name = "image", required = false) org.springframework.web.multipart.MultipartFile image,
                    Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        rateLimiter.consumeForMember(me.id(), PICTURES_BURST);
        try {
            if (image == null || image.isEmpty()) {
                portfolio.stillsOf(me.id(), id); // "not yours" first
                throw new com.moviepeople.media.InvalidPictureException("Choose a picture to upload.");
            }
            portfolio.addStill(me.id(), id, image);
        } catch (com.moviepeople.media.InvalidPictureException e) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("form", portfolio.formFor(me.id(), id));
            model.addAttribute("itemId", id);
            model.addAttribute("stillError", e.getMessage());
            return form(me, model);
        }
        redirect.addFlashAttribute("success", "The still is added.");
        redirect.addAttribute("id", id);
        return "redirect:/portfolio/{id}/edit#stills";
    }

    @PostMapping("/portfolio/{id}/stills/{stillId}/delete")
    String deleteStill(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, @PathVariable long stillId,
                       RedirectAttributes redirect) {
        rateLimiter.consumeForMember(me.id(), PICTURES_BURST);
        portfolio.deleteStill(me.id(), id, stillId);
        redirect.addFlashAttribute("success", "The still is removed.");
        redirect.addAttribute("id", id);
        return "redirect:/portfolio/{id}/edit#stills";
    }

    @PostMapping("/portfolio/{id}")
    String update(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @Valid @ModelAttribute("form") PortfolioItemForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        portfolio.validate(me.id(), form, result);
        if (result.hasErrors()) {
            // Still "not yours" for someone else's item, even with invalid input.
            portfolio.formFor(me.id(), id);
            model.addAttribute("itemId", id);
            return form(me, model);
        }
        portfolio.update(me.id(), id, form);
        redirect.addFlashAttribute("success", "Saved “" + form.title() + "”.");
        return toProfile(me, redirect);
    }

    @PostMapping("/portfolio/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, RedirectAttributes redirect) {
        portfolio.delete(me.id(), id);
        redirect.addFlashAttribute("success", "The item was removed from your portfolio.");
        return toProfile(me, redirect);
    }

    private static String toProfile(CurrentMember me, RedirectAttributes redirect) {
        redirect.addAttribute("username", me.username());
        return "redirect:/people/{username}";
    }
}
