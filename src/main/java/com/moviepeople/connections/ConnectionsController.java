package com.moviepeople.connections;

import com.moviepeople.shared.KeysetCursor;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.connections.ConnectionService.Entry;
import com.moviepeople.connections.ConnectionState.Kind;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.RateLimiter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Sending and answering connection requests, and the lists of connections and requests. */
@Controller
class ConnectionsController {

    static final int PAGE_SIZE = 20;
    /** The pending lists show this many of each, newest first; more is rare and not paged yet. */
    static final int PENDING_LIMIT = 100;

    /** Where a form may send the member back to: a path on this site, nothing else. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~/?=&%-]{0,300}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ConnectionService connections;
    private final MemberDirectory members;
    private final MemberCardSource cards;
    private final RateLimiter rateLimiter;

    ConnectionsController(ConnectionService connections, MemberDirectory members, MemberCardSource cards,
                          RateLimiter rateLimiter) {
        this.connections = connections;
        this.members = members;
        this.cards = cards;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/connections")
    String connections(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String after, Model model) {
        KeysetCursor cursor = KeysetCursor.decode(after).orElse(KeysetCursor.START);
        // One row more than a page tells whether there is a next page.
        List<Entry> entries = connections.connectionsOf(me.id(), cursor.at(), cursor.id(), PAGE_SIZE + 1);
        boolean more = entries.size() > PAGE_SIZE;
        List<Entry> page = more ? entries.subList(0, PAGE_SIZE) : entries;
        model.addAttribute("connections", views(page, Kind.CONNECTED));
        model.addAttribute("firstPage", cursor == KeysetCursor.START);
        model.addAttribute("nextCursor", more ? new KeysetCursor(page.get(PAGE_SIZE - 1).at(), page.get(PAGE_SIZE - 1).connectionId()).encode() : null);
        model.addAttribute("returnTo", "/connections");
        return "connections/index";
    }

    @GetMapping("/connections/pending")
    String pending(@AuthenticationPrincipal CurrentMember me, Model model) {
        List<Entry> received = connections.pendingReceived(me.id(), PENDING_LIMIT);
        List<Entry> sent = connections.pendingSent(me.id(), PENDING_LIMIT);
        Set<Long> ids = new LinkedHashSet<>();
        received.forEach(e -> ids.add(e.otherId()));
        sent.forEach(e -> ids.add(e.otherId()));
        Map<Long, MemberCard> cardsById = cards.cardsFor(ids);
        model.addAttribute("received", views(received, Kind.REQUEST_RECEIVED, cardsById));
        model.addAttribute("sent", views(sent, Kind.REQUEST_SENT, cardsById));
        model.addAttribute("pendingLimit", PENDING_LIMIT);
        model.addAttribute("returnTo", "/connections/pending");
        return "connections/pending";
    }

    @PostMapping("/connections/request/{username}")
    String request(@AuthenticationPrincipal CurrentMember me, @PathVariable String username,
                   @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        MemberSummary other = members.findByUsername(username).orElseThrow(NotFoundException::new);
        // Unverified members may send only a few requests a day (spam accounts rarely verify).
        rateLimiter.consumeOrThrow(members.isEmailVerified(me.id())
                ? "connection-requests-per-member" : "connection-requests-unverified", Long.toString(me.id()));
        RequestResult result = connections.request(me.id(), other.id());
        String name = other.displayName();
        switch (result.outcome()) {
            case SENT -> flash.addFlashAttribute("success", "Connection request sent to " + name + ".");
            case ACCEPTED_THEIRS -> flash.addFlashAttribute("success", name + " had already asked you: you are now connected.");
            case ALREADY_SENT -> flash.addFlashAttribute("success", "Your request to " + name + " is waiting for an answer.");
            case ALREADY_CONNECTED -> flash.addFlashAttribute("success", "You are already connected with " + name + ".");
            case COOLDOWN -> flash.addFlashAttribute("error", name + " declined your last request. You can send a new one from "
                    + DAY.format(result.state().retryAfterDate()) + ".");
            case SELF -> flash.addFlashAttribute("error", "You can’t send a connection request to yourself.");
        }
        return redirect(returnTo, "/people/" + other.username());
    }

    @PostMapping("/connections/{id}/accept")
    String accept(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        long requester = connections.accept(me.id(), id);
        flash.addFlashAttribute("success", "You are now connected with " + nameOf(requester) + ".");
        return redirect(returnTo, "/connections/pending");
    }

    @PostMapping("/connections/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        long requester = connections.reject(me.id(), id);
        flash.addFlashAttribute("success", "You declined the request from " + nameOf(requester) + ".");
        return redirect(returnTo, "/connections/pending");
    }

    @PostMapping("/connections/{id}/cancel")
    String cancel(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        long receiver = connections.cancel(me.id(), id);
        flash.addFlashAttribute("success", "You withdrew your request to " + nameOf(receiver) + ".");
        return redirect(returnTo, "/connections/pending");
    }

    @PostMapping("/connections/{id}/remove")
    String remove(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        long other = connections.remove(me.id(), id);
        flash.addFlashAttribute("success", "You are no longer connected with " + nameOf(other) + ".");
        return redirect(returnTo, "/connections");
    }

    private List<ConnectionView> views(List<Entry> entries, Kind kind) {
        return views(entries, kind, cards.cardsFor(entries.stream().map(Entry::otherId).toList()));
    }

    private static List<ConnectionView> views(List<Entry> entries, Kind kind, Map<Long, MemberCard> cardsById) {
        List<ConnectionView> views = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            MemberCard card = cardsById.get(e.otherId());
            if (card != null) { // a member deleted since the first query takes their rows with them
                views.add(new ConnectionView(card, new ConnectionState(kind, e.connectionId(), null), e.at()));
            }
        }
        return views;
    }

    private String nameOf(long memberId) {
        return members.findById(memberId).map(MemberSummary::displayName).orElse("that member");
    }

    private static String redirect(String returnTo, String fallback) {
        return "redirect:" + (returnTo != null && LOCAL_PATH.matcher(returnTo).matches() ? returnTo : fallback);
    }
}
