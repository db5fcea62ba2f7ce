package com.moviepeople.availability;

import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.RateLimiter;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** My ranges, who sees my answers, and my private calendar feed. */
@Controller
class AvailabilityController {

    private static final String PAGE = "availability/index";
    private static final String BURST = "availability-burst";

    private final AvailabilityService service;
    private final Availability availability;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    AvailabilityController(AvailabilityService service, Availability availability, RateLimiter rateLimiter, Clock clock) {
        this.service = service;
        this.availability = availability;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    @ModelAttribute("statuses")
    List<AvailabilityStatus> statuses() {
        return AvailabilityStatus.ALL;
    }

    @GetMapping("/availability")
    String index(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String edit, Model model) {
        if (edit != null && edit.matches("[0-9]{1,18}")) {
            AvailabilityRange range = service.find(me.id(), Long.parseLong(edit));
            model.addAttribute("editId", range.id());
            model.addAttribute("editForm", AvailabilityForm.of(range));
        }
        return page(me, model, AvailabilityForm.empty());
    }

    @PostMapping("/availability")
    String add(@AuthenticationPrincipal CurrentMember me, @ModelAttribute("form") AvailabilityForm form,
               BindingResult result, Model model, RedirectAttributes redirect) {
        Optional<AvailabilityService.Checked> checked = service.validate(form, result);
        if (checked.isEmpty()) {
            return page(me, model, form);
        }
        rateLimiter.consumeForMember(me.id(), BURST);
        try {
            service.add(me.id(), checked.get());
        } catch (AvailabilityService.OverlapException e) {
            rejectOverlap(result, e);
            return page(me, model, form);
        } catch (AvailabilityService.TooManyRangesException e) {
            result.reject("ranges.full", "You already keep " + AvailabilityService.MAX_RANGES
                    + " upcoming ranges. Join or delete some to add this one.");
            return page(me, model, form);
        }
        redirect.addFlashAttribute("success", "Saved: " + describe(checked.get()) + ".");
        return "redirect:/availability";
    }

    @PostMapping("/availability/{id:[0-9]{1,18}}")
    String update(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @ModelAttribute("editForm") AvailabilityForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        service.find(me.id(), id); // 404 before anything else when it is not mine
        Optional<AvailabilityService.Checked> checked = service.validate(form, result);
        if (checked.isPresent()) {
            rateLimiter.consumeForMember(me.id(), BURST);
            try {
                service.update(me.id(), id, checked.get());
                redirect.addFlashAttribute("success", "Changed: " + describe(checked.get()) + ".");
                return "redirect:/availability";
            } catch (AvailabilityService.OverlapException e) {
                rejectOverlap(result, e);
            }
        }
        model.addAttribute("editId", id);
        return page(me, model, AvailabilityForm.empty());
    }

    @PostMapping("/availability/{id:[0-9]{1,18}}/delete")
    String delete(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, RedirectAttributes redirect) {
        rateLimiter.consumeForMember(me.id(), BURST);
        service.delete(me.id(), id);
        redirect.addFlashAttribute("success", "The range was deleted.");
        return "redirect:/availability";
    }

    @PostMapping("/settings/availability")
    String visibility(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String visibility,
                      RedirectAttributes redirect, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Optional<AvailabilityVisibility> chosen = AvailabilityVisibility.fromValue(visibility == null ? "" : visibility.strip());
        if (chosen.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("visibilityError", "Choose who may see your availability: everyone, your connections or nobody.");
            return page(me, model, AvailabilityForm.empty());
        }
        rateLimiter.consumeForMember(me.id(), BURST);
        service.setVisibility(me.id(), chosen.get());
        redirect.addFlashAttribute("success", switch (chosen.get()) {
            case EVERYONE -> "Every logged-in member now sees whether you are available (never your notes or ranges).";
            case CONNECTIONS -> "Only your connections now see whether you are available (never your notes or ranges).";
            case NOBODY -> "Nobody but you sees your availability now, and you no longer appear in searches by dates.";
        });
        return "redirect:/availability#visibility";
    }

    @PostMapping("/availability/feed/renew")
    String renewFeed(@AuthenticationPrincipal CurrentMember me, RedirectAttributes redirect) {
        rateLimiter.consumeForMember(me.id(), BURST);
        boolean had = service.setting(me.id()).hasFeed();
        String token = service.renewFeed(me.id());
        redirect.addFlashAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/availability/{token}.ics").buildAndExpand(token).toUriString());
        redirect.addFlashAttribute("success", had
                ? "Your calendar feed has a new address; the old one no longer works."
                : "Your calendar feed is ready.");
        return "redirect:/availability#feed";
    }

    @PostMapping("/availability/feed/stop")
    String stopFeed(@AuthenticationPrincipal CurrentMember me, RedirectAttributes redirect) {
        rateLimiter.consumeForMember(me.id(), BURST);
        service.stopFeed(me.id());
        redirect.addFlashAttribute("success", "Your calendar feed is off; its address no longer works.");
        return "redirect:/availability#feed";
    }

    /** The private feed: no login (calendar apps cannot log in), the token is the key. */
    @GetMapping("/availability/{token:[A-Za-z0-9_-]{1,64}}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        List<AvailabilityRange> ranges = service.feed(token).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Robots-Tag", "noindex")
                .header("Content-Disposition", "inline; filename=\"moviepeople-availability.ics\"")
                .body(AvailabilityCalendar.write(ranges, clock.instant()).getBytes(StandardCharsets.UTF_8));
    }

    private String page(CurrentMember me, Model model, AvailabilityForm form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        AvailabilityRepository.Setting setting = service.setting(me.id());
        model.addAttribute("ranges", service.upcoming(me.id()));
        model.addAttribute("visibility", setting.visibility());
        model.addAttribute("visibilities", AvailabilityVisibility.ALL);
        model.addAttribute("hasFeed", setting.hasFeed());
        model.addAttribute("strip", availability.strip(me.id(), me.id()).orElse(null));
        model.addAttribute("today", service.today());
        model.addAttribute("latest", service.today().plusYears(AvailabilityPeriod.YEARS_AHEAD));
        model.addAttribute("maxRanges", AvailabilityService.MAX_RANGES);
        return PAGE;
    }

    private static void rejectOverlap(BindingResult result, AvailabilityService.OverlapException e) {
        result.rejectValue("startDate", "overlap", e.other() == null
                ? "These days overlap another of your ranges. Change or delete that one first."
                : "These days overlap your range " + e.other().getDates() + " (" + e.other().getStatusLabel().toLowerCase()
                  + "). Change or delete that one first.");
    }

    private static String describe(AvailabilityService.Checked range) {
        AvailabilityRange shown = new AvailabilityRange(0, range.start(), range.end(), range.status(), range.holdRank(), range.note());
        return shown.getDates() + ", " + shown.getStatusLabel().toLowerCase();
    }
}
