package com.moviepeople.profiles;

import java.util.Set;
import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.blocking.Blocks;
import com.moviepeople.credits.Credits;
import com.moviepeople.availability.AvailabilityStrip;
import com.moviepeople.availability.AvailabilityStrips;
import com.moviepeople.connections.ConnectionControls;
import com.moviepeople.connections.ConnectionState;
import com.moviepeople.credits.CreditLists;
import com.moviepeople.credits.ProfileCredits;
import com.moviepeople.connections.ProfileConnections;
import com.moviepeople.shared.MemberCards;

import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.FilmRoles;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
class ProfileController {

    private static final String EDIT = "profiles/edit";

    private final ProfileService profiles;
    private final Blocks blocks;
    private final MemberCards cards;
    private final Credits credits;
    private final ConnectionControls connectionControls;
    private final AvailabilityStrips strips;
    private final CreditLists creditLists;

    static final String PICTURES_BURST = "pictures-burst";

    private final com.moviepeople.shared.RateLimiter rateLimiter;

    ProfileController(ProfileService profiles, Blocks blocks, MemberCards cards, Credits credits,
                      com.moviepeople.shared.RateLimiter rateLimiter,
                      ConnectionControls connectionControls, AvailabilityStrips strips, CreditLists creditLists) {
        this.connectionControls = connectionControls;
        this.strips = strips;
        this.creditLists = creditLists;
        this.rateLimiter = rateLimiter;
        this.credits = credits;
        this.profiles = profiles;
        this.blocks = blocks;
        this.cards = cards;
    }

    @GetMapping("/people/{username}")
    String show(@PathVariable String username, @AuthenticationPrincipal CurrentMember me,
                @RequestParam(required = false) String before, Model model, jakarta.servlet.http.HttpServletResponse response) {
        com.moviepeople.shared.WebUrls.cacheableForVisitors(me, response);
        // Who is blocked either way, read once: for the page itself and for the mutual connections.
        Set<Long> blocked = me == null ? Set.of() : blocks.blockedIdsOf(me.id());
        ProfilePage page = profiles.page(username, me == null ? null : me.id(), blocked, KeysetCursor.decodeOrStart(before));
        model.addAttribute("page", page);
        model.addAttribute("profile", page.profile());
        long owner = page.profile().memberId();
        if (page.blocked()) {
            // Blocked either way: the name, and for the blocker the way to lift the block. Nothing else.
            model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/people/{username}").buildAndExpand(page.profile().username()).toUriString());
            model.addAttribute("parts", ProfileParts.NONE);
            return "profiles/show";
        }
        ProfileConnections facts = page.connections();
        if (me != null && !page.own()) {
            model.addAttribute("connectionState", facts.state());
            if (page.connectionsShown()) {
                model.addAttribute("connectionCount", facts.connectionCount());
                model.addAttribute("mutualCount", facts.mutual().count());
                model.addAttribute("mutualCards", cards.cardsFor(facts.mutual().sample()).values());
            }
        } else if (page.connectionsShown()) {
            model.addAttribute("connectionCount", facts.connectionCount());
        }
        // Credits with their confirmations, and the productions the viewer shares with the owner.
        model.addAttribute("credits", credits.profileCredits(owner, me == null ? null : me.id(), blocked));
        // The next weeks as answers only, when the owner lets this viewer know (read with the page).
        AvailabilityStrip strip = page.availabilityStrip();
        model.addAttribute("availabilityStrip", strip);
        model.addAttribute("parts", parts(page, model, strip));
        model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/people/{username}").buildAndExpand(page.profile().username()).toUriString());
        model.addAttribute("canonicalUrl", model.getAttribute("pageUrl"));
        // Link previews: the member's photo (an absolute address on this site), else the first item's still.
        String photo = page.profile().photo("400");
        model.addAttribute("ogImage", photo != null
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path(photo).toUriString() : page.image());
        return "profiles/show";
    }

    /** Other modules' parts of the page, drawn by their render beans for profiles/showPage.jte. */
    private ProfileParts parts(ProfilePage page, Model model, AvailabilityStrip strip) {
        ConnectionState state = (ConnectionState) model.getAttribute("connectionState");
        String connection = null;
        if (state != null) {
            boolean unverified = model.getAttribute("nav") instanceof java.util.Map<?, ?> nav
                    && nav.get("unverifiedEmail") instanceof Number n && n.longValue() > 0;
            connection = connectionControls.state(state, page.profile().username(), null, true,
                    (String) model.getAttribute("requestNote"), !unverified, false);
        }
        ProfileCredits profileCredits = (ProfileCredits) model.getAttribute("credits");
        return new ProfileParts(connection,
                strip == null ? null : strips.render(strip, page.own()),
                profileCredits == null ? null : creditLists.profileSection(profileCredits,
                        page.profile().displayName(), page.profile().username(), page.own()));
    }

    @GetMapping("/profile/edit")
    String edit(@AuthenticationPrincipal CurrentMember me, Model model) {
        model.addAttribute("form", profiles.formFor(me.id()));
        return editPage(me, model);
    }

    @PostMapping("/profile/edit")
    String save(@AuthenticationPrincipal CurrentMember me, @Valid @ModelAttribute("form") ProfileForm form,
                BindingResult result, Model model, RedirectAttributes redirect) {
        profiles.validate(form, result);
        if (result.hasErrors()) {
            return editPage(me, model);
        }
        profiles.save(me.id(), form);
        redirect.addFlashAttribute("success", "Your profile is saved. This is how others see it.");
        redirect.addAttribute("username", me.username());
        return "redirect:/people/{username}";
    }

    /** A new profile photo (multipart field {@code photo}); a refused file re-renders the form with the reason. */
    @PostMapping("/profile/photo")
    String uploadPhoto(@AuthenticationPrincipal CurrentMember me,
                       @RequestParam(name = "photo", required = false) org.springframework.web.multipart.MultipartFile photo,
                       Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        rateLimiter.consumeForMember(me.id(), PICTURES_BURST);
        try {
            if (photo == null || photo.isEmpty()) {
                throw new com.moviepeople.media.InvalidPictureException("Choose a picture to upload.");
            }
            profiles.setPhoto(me.id(), photo);
        } catch (com.moviepeople.media.InvalidPictureException e) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("form", profiles.formFor(me.id()));
            model.addAttribute("photoError", e.getMessage());
            return editPage(me, model);
        }
        redirect.addFlashAttribute("success", "Your new photo is on your profile.");
        return "redirect:/profile/edit#photo";
    }

    @PostMapping("/profile/photo/delete")
    String deletePhoto(@AuthenticationPrincipal CurrentMember me, RedirectAttributes redirect) {
        rateLimiter.consumeForMember(me.id(), PICTURES_BURST);
        redirect.addFlashAttribute("success", profiles.deletePhoto(me.id())
                ? "Your photo is removed; your initials show instead." : "You had no photo.");
        return "redirect:/profile/edit#photo";
    }

    private String editPage(CurrentMember me, Model model) {
        model.addAttribute("photo", profiles.findById(me.id()).map(p -> p.photo("400")).orElse(null));
        model.addAttribute("departments", FilmRoles.DEPARTMENTS);
        model.addAttribute("portfolioCount", profiles.portfolioCount(me.id()));
        return EDIT;
    }
}
