package com.moviepeople.calls;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.FilmRoles;
import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.RateLimiter;
import jakarta.servlet.http.HttpServletResponse;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Crew calls: the list, posting, a call's page with the application form, the poster's review, "my calls". */
@Controller
class CallsController {

    static final String BURST = "calls-burst";
    static final String DAILY = "calls-per-member";

    private final CallService calls;
    private final MemberDirectory members;
    private final RateLimiter rateLimiter;

    CallsController(CallService calls, MemberDirectory members, RateLimiter rateLimiter) {
        this.calls = calls;
        this.members = members;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/calls")
    String list(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String role,
                @RequestParam(required = false) String location, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String paidOnly,
                @RequestParam(required = false) String before, Model model, HttpServletResponse response) {
        Map<String, String> problems = new LinkedHashMap<>();
        CallService.Filters filters = CallService.filters(role, location, from, to, paidOnly, problems);
        model.addAttribute("filters", filters);
        model.addAttribute("problems", problems);
        model.addAttribute("query", Map.of("role", role == null ? "" : role, "location", location == null ? "" : location,
                "from", from == null ? "" : from, "to", to == null ? "" : to));
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("page", new CallService.Page(List.of(), null));
        } else {
            KeysetCursor cursor = KeysetCursor.decodeOrStart(before);
            model.addAttribute("page", calls.open(me.id(), filters, cursor));
            model.addAttribute("firstPage", cursor.isStart());
        }
        model.addAttribute("roles", FilmRoles.ALL);
        return "calls/list";
    }

    @GetMapping("/calls/new")
    String newCall(@AuthenticationPrincipal CurrentMember me, Model model) {
        CallForm form = new CallForm();
        form.setCurrency("EUR");
        form.setPayUnit("day");
        model.addAttribute("form", form);
        return form(me, model);
    }

    private String form(CurrentMember me, Model model) {
        model.addAttribute("verified", members.isEmailVerified(me.id()));
        model.addAttribute("roles", FilmRoles.ALL);
        model.addAttribute("units", PayUnit.values());
        model.addAttribute("productions", calls.creditOptions(me.id()).stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.productionId(), c -> c.label().substring(c.label().indexOf(" · ") + 3),
                        (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("today", calls.today());
        return "calls/form";
    }

    @PostMapping("/calls")
    String create(@AuthenticationPrincipal CurrentMember me, @ModelAttribute("form") CallForm form, BindingResult result,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (!members.isEmailVerified(me.id())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            result.reject("unverified", "Confirm your e-mail address before posting a call.");
            return form(me, model);
        }
        var checked = calls.validate(me.id(), form, result);
        if (checked.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(me, model);
        }
        rateLimiter.consumeForMember(me.id(), BURST, DAILY);
        var id = calls.create(me.id(), checked.get());
        if (id.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            result.reject("full", "You already have " + CallService.MAX_OPEN_CALLS
                    + " open calls. Close one (filled or cancelled) to post another.");
            return form(me, model);
        }
        redirect.addFlashAttribute("success", "Your call is posted.");
        redirect.addAttribute("id", id.get());
        return "redirect:/calls/{id}";
    }

    @GetMapping("/calls/{id:[0-9]{1,18}}")
    String show(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, Model model) {
        return showPage(me, id, model, null);
    }

    private String showPage(CurrentMember me, long id, Model model, String applyError) {
        CallView call = calls.find(me.id(), id);
        model.addAttribute("call", call);
        model.addAttribute("own", call.poster().id() == me.id());
        model.addAttribute("applied", calls.applicationStatus(me.id(), id).orElse(null));
        model.addAttribute("deadlinePassed", call.deadline().isBefore(calls.today()));
        if (call.poster().id() != me.id()) {
            model.addAttribute("creditOptions", calls.creditOptions(me.id()));
            model.addAttribute("itemOptions", calls.itemOptions(me.id()));
        }
        model.addAttribute("applyError", applyError);
        return "calls/show";
    }

    @PostMapping("/calls/{id:[0-9]{1,18}}/apply")
    String apply(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, @RequestParam(required = false) String note,
                 @RequestParam(name = "credits", required = false) List<Long> credits,
                 @RequestParam(name = "items", required = false) List<Long> items,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        rateLimiter.consumeForMember(me.id(), BURST);
        try {
            boolean applied = calls.apply(me.id(), id, note, credits == null ? List.of() : credits, items == null ? List.of() : items);
            redirect.addFlashAttribute("success", applied ? "You applied. You will hear back here and in your notifications."
                    : "You already applied to this call.");
        } catch (CallService.ApplyException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("note", note);
            return showPage(me, id, model, e.getMessage());
        }
        redirect.addAttribute("id", id);
        return "redirect:/calls/{id}";
    }

    /** A call's applicants for its poster, in arrival order, in keyset pages ({@code after}: the last one of the page before). */
    @GetMapping("/calls/{id:[0-9]{1,18}}/applicants")
    String applicants(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                      @RequestParam(required = false) String after, Model model) {
        KeysetCursor cursor = KeysetCursor.decode(after).orElse(CallService.FIRST_APPLICANT);
        model.addAttribute("call", calls.ownCall(me.id(), id));
        model.addAttribute("page", calls.applicants(me.id(), id, cursor));
        model.addAttribute("after", cursor.equals(CallService.FIRST_APPLICANT) ? null : cursor.encode());
        return "calls/applicants";
    }

    @PostMapping("/calls/{id:[0-9]{1,18}}/applicants/{applicationId:[0-9]{1,18}}/shortlist")
    String shortlist(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, @PathVariable long applicationId,
                     @RequestParam(required = false) String after, RedirectAttributes redirect) {
        return answer(me, id, applicationId, true, after, redirect);
    }

    @PostMapping("/calls/{id:[0-9]{1,18}}/applicants/{applicationId:[0-9]{1,18}}/decline")
    String decline(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, @PathVariable long applicationId,
                   @RequestParam(required = false) String after, RedirectAttributes redirect) {
        return answer(me, id, applicationId, false, after, redirect);
    }

    /** Answers one application and goes back to the page it was answered on ({@code after}, when a real cursor), at it. */
    private String answer(CurrentMember me, long id, long applicationId, boolean shortlist, String after, RedirectAttributes redirect) {
        rateLimiter.consumeForMember(me.id(), BURST);
        try {
            calls.answer(me.id(), id, applicationId, shortlist);
            redirect.addFlashAttribute("success", shortlist ? "Shortlisted; they are told." : "Declined; they are told.");
        } catch (CallService.ApplyException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("id", id);
        KeysetCursor.decode(after).ifPresent(cursor -> redirect.addAttribute("after", cursor.encode()));
        return "redirect:/calls/{id}/applicants#application-" + applicationId;
    }

    @PostMapping("/calls/{id:[0-9]{1,18}}/close")
    String close(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, @RequestParam(required = false) String outcome,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (!"filled".equals(outcome) && !"cancelled".equals(outcome)) {
            calls.ownCall(me.id(), id); // "not yours" first
            redirect.addFlashAttribute("error", "Choose whether the call was filled or cancelled.");
            redirect.addAttribute("id", id);
            return "redirect:/calls/{id}/applicants";
        }
        rateLimiter.consumeForMember(me.id(), BURST);
        boolean closed = calls.close(me.id(), id, "filled".equals(outcome));
        redirect.addFlashAttribute("success", !closed ? "This call was already closed."
                : "filled".equals(outcome) ? "Closed as filled; every applicant is told." : "Cancelled; every applicant is told.");
        redirect.addAttribute("id", id);
        return "redirect:/calls/{id}";
    }

    /**
     * The member's applications and the calls they posted, each list newest first in keyset pages
     * of its own ({@code applicationsBefore}, {@code postedBefore}): paging one keeps the other where it is.
     */
    @GetMapping("/calls/mine")
    String mine(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String applicationsBefore,
                @RequestParam(required = false) String postedBefore, Model model) {
        KeysetCursor applicationsCursor = KeysetCursor.decodeOrStart(applicationsBefore);
        KeysetCursor postedCursor = KeysetCursor.decodeOrStart(postedBefore);
        model.addAttribute("applications", calls.myApplications(me.id(), applicationsCursor, CallService.PAGE_SIZE));
        model.addAttribute("posted", calls.myCalls(me.id(), postedCursor, CallService.PAGE_SIZE));
        model.addAttribute("applicationsBefore", applicationsCursor.isStart() ? null : applicationsCursor.encode());
        model.addAttribute("postedBefore", postedCursor.isStart() ? null : postedCursor.encode());
        return "calls/mine";
    }
}
