package com.moviepeople.messaging;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.RateLimiter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * The inbox, a conversation and sending. Pages work without JavaScript (a normal POST and a
 * redirect); with htmx the form posts in the background and new messages come from a small
 * fragment ({@code /messages/{username}/since}), fetched when the page's live-update stream
 * ({@link LiveUpdatesController}) says there is one, and every 30 s in case it was missed.
 */
@Controller
class MessagesController {

    static final int INBOX_PAGE_SIZE = 20;
    static final int CONVERSATION_PAGE_SIZE = 30;

    /** Usernames are at least three characters, so {@code /messages/c/{id}} never looks like one. */
    private static final String USER = "/messages/{username:[A-Za-z0-9._-]{3,30}}";

    private final MessagingService messaging;
    private final MemberDirectory members;
    private final RateLimiter rateLimiter;

    private final com.moviepeople.shared.Times times;

    MessagesController(MessagingService messaging, MemberDirectory members, RateLimiter rateLimiter,
                       com.moviepeople.shared.Times times) {
        this.times = times;
        this.messaging = messaging;
        this.members = members;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/messages")
    String inbox(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String after, Model model) {
        long cursor = cursor(after);
        model.addAttribute("page", messaging.inbox(me.id(), cursor, INBOX_PAGE_SIZE));
        model.addAttribute("firstPage", cursor == Long.MAX_VALUE);
        model.addAttribute("times", times);
        return "messaging/inbox";
    }

    @GetMapping(USER)
    String conversation(@AuthenticationPrincipal CurrentMember me, @PathVariable String username,
                        @RequestParam(required = false) String before, Model model) {
        long cursor = cursor(before);
        ConversationView view = messaging.conversationWith(me.id(), username, cursor, CONVERSATION_PAGE_SIZE);
        return conversationPage(view, cursor == Long.MAX_VALUE, MessageForm.empty(), null, model);
    }

    /** A conversation whose other member deleted their account: read-only, reached from the inbox. */
    @GetMapping("/messages/c/{conversationId:[0-9]{1,18}}")
    String conversationById(@AuthenticationPrincipal CurrentMember me, @PathVariable long conversationId,
                            @RequestParam(required = false) String before, Model model) {
        long cursor = cursor(before);
        ConversationView view = messaging.conversationById(me.id(), conversationId, cursor, CONVERSATION_PAGE_SIZE);
        if (!view.isOtherDeleted()) {
            return "redirect:/messages/" + view.otherUsername();
        }
        model.addAttribute("pageUrl", "/messages/c/" + conversationId);
        return conversationPage(view, cursor == Long.MAX_VALUE, MessageForm.empty(), null, model);
    }

    /** "Load earlier" with htmx: the previous page of messages, to put above the ones shown. */
    @GetMapping(USER + "/earlier")
    String earlier(@AuthenticationPrincipal CurrentMember me, @PathVariable String username,
                   @RequestParam(required = false) String before, Model model) {
        ConversationView view = messaging.conversationWith(me.id(), username, cursor(before), CONVERSATION_PAGE_SIZE);
        model.addAttribute("view", view);
        return "messaging/fragments :: earlier";
    }

    /** The live update: only the messages after {@code after}; 204 when there is nothing new. */
    @GetMapping(USER + "/since")
    String since(@AuthenticationPrincipal CurrentMember me, @PathVariable String username,
                 @RequestParam(required = false) String after, Model model, HttpServletResponse response) {
        long from = cursor(after);
        ConversationView view = messaging.since(me.id(), username, from == Long.MAX_VALUE ? 0 : from);
        if (view.messages().isEmpty() && view.canSend()) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        model.addAttribute("view", view);
        model.addAttribute("form", MessageForm.empty());
        return "messaging/fragments :: since";
    }

    @PostMapping(USER)
    String send(@AuthenticationPrincipal CurrentMember me, @PathVariable String username, MessageForm form,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                HttpServletResponse response, RedirectAttributes flash) {
        MemberSummary other = members.findByUsername(username).orElseThrow(NotFoundException::new);
        boolean background = "true".equals(htmx);
        long id;
        try {
            MessagingService.normalized(form.content()); // an invalid message uses up no allowance
            // Bursts, then a daily allowance; unverified members may send only a few a day (spam
            // accounts rarely verify). Taken before the sending transaction starts.
            rateLimiter.consumeForMember(me.id(), "messages-burst",
                    members.isEmailVerified(me.id()) ? "messages-per-member" : "messages-unverified");
            id = messaging.send(me.id(), other.id(), form.content());
        } catch (InvalidMessageException e) {
            if (background) {
                // htmx swaps only 2xx answers: the form with its message replaces the form.
                response.setHeader("HX-Retarget", "#send-area");
                response.setHeader("HX-Reswap", "outerHTML");
                model.addAttribute("view", new ConversationView(other.id(), other.username(), other.displayName(),
                        List.of(), null, true, 0));
                model.addAttribute("form", form);
                model.addAttribute("contentError", e.getMessage());
                return "messaging/fragments :: invalid";
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            ConversationView view = messaging.conversationWith(me.id(), other.username(), Long.MAX_VALUE, CONVERSATION_PAGE_SIZE);
            return conversationPage(view, true, form, e.getMessage(), model);
        } catch (SendingNotAllowedException e) {
            if (background) {
                throw e;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            ConversationView view = messaging.conversationWith(me.id(), other.username(), Long.MAX_VALUE, CONVERSATION_PAGE_SIZE);
            model.addAttribute("error", "Your message was not sent: you are no longer connected with " + other.displayName() + ".");
            return conversationPage(view, true, form, null, model);
        }
        if (background) {
            model.addAttribute("message", messaging.message(me.id(), id));
            model.addAttribute("view", new ConversationView(other.id(), other.username(), other.displayName(),
                    List.of(), null, true, 0));
            model.addAttribute("form", MessageForm.empty());
            return "messaging/fragments :: sent";
        }
        flash.addFlashAttribute("success", "Message sent to " + other.displayName() + ".");
        return "redirect:/messages/" + other.username() + "#send-area";
    }

    private String conversationPage(ConversationView view, boolean latest, MessageForm form, String contentError, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("latest", latest);
        model.addAttribute("form", form);
        model.addAttribute("contentError", contentError);
        model.addAttribute("times", times);
        if (!model.containsAttribute("pageUrl")) {
            model.addAttribute("pageUrl", "/messages/" + view.otherUsername());
        }
        // The navigation's count was taken before this visit marked messages read.
        if (view.markedRead() > 0 && model.getAttribute("nav") instanceof Map<?, ?> nav) {
            @SuppressWarnings("unchecked")
            Map<String, Long> counts = (Map<String, Long>) nav;
            counts.computeIfPresent("unreadMessages", (k, n) -> Math.max(0, n - view.markedRead()));
        }
        return "messaging/conversation";
    }

    /** A message id from a cursor parameter; anything missing or malformed means "from the newest". */
    private static long cursor(String value) {
        if (value == null || value.isBlank() || value.length() > 19) {
            return Long.MAX_VALUE;
        }
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? id : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
