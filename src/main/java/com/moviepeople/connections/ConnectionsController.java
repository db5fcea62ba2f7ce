package com.moviepeople.connections;

import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.KeysetSlice;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.connections.ConnectionService.Entry;
import com.moviepeople.connections.ConnectionState.Kind;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.RateLimiter;
import com.moviepeople.shared.TextFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
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

    /** Where a form may send the member back to: a path on this site, nothing else. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~/?=&%-]{0,300}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Requests with a note per member and day ({@code moviepeople.rate-limits.request-notes-per-member}). */
    static final String NOTES_LIMIT = "request-notes-per-member";
    /** A refused note comes back to its form through the flash (the session): never more than this of it. */
    private static final int NOTE_KEPT_CHARS = 2 * RequestNote.MAX_LENGTH;

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

    /** One keyset page of a member's list, newest first: asked for one row more than a page, to know if there is a next. */
    @FunctionalInterface
    private interface PageQuery {
        List<Entry> entries(long memberId, Instant beforeAt, long beforeId, int limit);
    }

    private record Page(List<Entry> entries, String nextCursor) {

        static Page of(PageQuery query, long memberId, KeysetCursor cursor) {
            KeysetSlice<Entry> page = KeysetSlice.of(query.entries(memberId, cursor.at(), cursor.id(), PAGE_SIZE + 1), PAGE_SIZE);
            return new Page(page.rows(), page.nextCursor(last -> new KeysetCursor(last.at(), last.connectionId())));
        }
    }

    @GetMapping("/connections")
    String connections(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String after, Model model) {
        KeysetCursor cursor = KeysetCursor.decode(after).orElse(KeysetCursor.START);
        Page page = Page.of(connections::connectionsOf, me.id(), cursor);
        model.addAttribute("connections", views(page.entries(), Kind.CONNECTED));
        model.addAttribute("firstPage", cursor == KeysetCursor.START);
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("returnTo", "/connections");
        return "connections/index";
    }

    /**
     * Requests received and sent, each list paged on its own: {@code received} and {@code sent} are
     * the cursors of the two lists (a page of one keeps the other where it was).
     */
    @GetMapping("/connections/pending")
    String pending(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String received,
                   @RequestParam(required = false) String sent, Model model) {
        KeysetCursor receivedCursor = KeysetCursor.decode(received).orElse(KeysetCursor.START);
        KeysetCursor sentCursor = KeysetCursor.decode(sent).orElse(KeysetCursor.START);
        Page receivedPage = Page.of(connections::pendingReceived, me.id(), receivedCursor);
        Page sentPage = Page.of(connections::pendingSent, me.id(), sentCursor);
        Set<Long> ids = new LinkedHashSet<>();
        receivedPage.entries().forEach(e -> ids.add(e.otherId()));
        sentPage.entries().forEach(e -> ids.add(e.otherId()));
        Map<Long, MemberCard> cardsById = cards.cardsFor(ids);
        model.addAttribute("received", views(receivedPage.entries(), Kind.REQUEST_RECEIVED, cardsById));
        model.addAttribute("sent", views(sentPage.entries(), Kind.REQUEST_SENT, cardsById));
        // Paging one list keeps the other where it was (only a well-formed cursor is carried along).
        String keptReceived = receivedCursor == KeysetCursor.START ? null : received;
        String keptSent = sentCursor == KeysetCursor.START ? null : sent;
        model.addAttribute("receivedNext", receivedPage.nextCursor() == null ? null : pendingUrl(receivedPage.nextCursor(), keptSent));
        model.addAttribute("sentNext", sentPage.nextCursor() == null ? null : pendingUrl(keptReceived, sentPage.nextCursor()));
        model.addAttribute("returnTo", "/connections/pending");
        return "connections/pending";
    }

    @PostMapping("/connections/request/{username}")
    String request(@AuthenticationPrincipal CurrentMember me, @PathVariable String username,
                   @RequestParam(required = false) String note,
                   @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        MemberSummary other = members.findByUsername(username).orElseThrow(NotFoundException::new);
        boolean verified = members.isEmailVerified(me.id());
        RequestNote requestNote = new RequestNote(note);
        // A note that cannot go refuses the whole request (nothing sent, no request token taken),
        // and comes back to the form with the reason, so the member can fix it or send without it.
        String problem = requestNote.problemFor(verified);
        if (problem == null && requestNote.present() && !rateLimiter.tryConsume(NOTES_LIMIT, Long.toString(me.id()))) {
            problem = "You have sent as many notes as you can today. Send the request without a note, or try again tomorrow.";
        }
        if (problem != null) {
            flash.addFlashAttribute("error", problem);
            flash.addFlashAttribute("requestNote", TextFormat.prefix(requestNote.text(), NOTE_KEPT_CHARS));
            return redirect(returnTo, "/people/" + other.username());
        }
        // Unverified members may send only a few requests a day (spam accounts rarely verify).
        rateLimiter.consumeForMember(me.id(), "connection-requests-burst", verified
                ? "connection-requests-per-member" : "connection-requests-unverified");
        RequestResult result = connections.request(me.id(), other.id(), requestNote);
        String name = other.displayName();
        // Only a new request carries the note; say so when it went nowhere.
        String noteLeft = requestNote.present() ? " Your note was not sent." : "";
        switch (result.outcome()) {
            case SENT -> flash.addFlashAttribute("success", "Connection request sent to " + name + ".");
            case ACCEPTED_THEIRS -> flash.addFlashAttribute("success", name + " had already asked you: you are now connected." + noteLeft);
            case ALREADY_SENT -> flash.addFlashAttribute("success", "Your request to " + name + " is waiting for an answer." + noteLeft);
            case ALREADY_CONNECTED -> flash.addFlashAttribute("success", "You are already connected with " + name + "." + noteLeft);
            case COOLDOWN -> flash.addFlashAttribute("error", name + " declined your last request. You can send a new one from "
                    + DAY.format(result.state().retryAfterDate()) + ".");
            case SELF -> flash.addFlashAttribute("error", "You can’t send a connection request to yourself.");
        }
        return redirect(returnTo, "/people/" + other.username());
    }

    @PostMapping("/connections/{id}/accept")
    String accept(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        return done(connections.accept(me.id(), id), "You are now connected with %s.", returnTo, "/connections/pending", flash);
    }

    @PostMapping("/connections/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        return done(connections.reject(me.id(), id), "You declined the request from %s.", returnTo, "/connections/pending", flash);
    }

    @PostMapping("/connections/{id}/cancel")
    String cancel(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        return done(connections.cancel(me.id(), id), "You withdrew your request to %s.", returnTo, "/connections/pending", flash);
    }

    @PostMapping("/connections/{id}/remove")
    String remove(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                  @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        return done(connections.remove(me.id(), id), "You are no longer connected with %s.", returnTo, "/connections", flash);
    }

    /** Ignore and block: the request goes, its sender is blocked (undone in Settings → Blocked members). */
    @PostMapping("/connections/{id}/block")
    String block(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, RedirectAttributes flash) {
        long requesterId = connections.blockRequester(me.id(), id);
        flash.addFlashAttribute("success", nameOf(requesterId)
                + " is blocked and will not be able to contact you. Undo in Settings → Blocked members.");
        return "redirect:/connections/pending";
    }

    /** After a transition: a success message naming the other member, and back to where the member was. */
    private String done(long otherId, String message, String returnTo, String fallback, RedirectAttributes flash) {
        flash.addFlashAttribute("success", message.formatted(nameOf(otherId)));
        return redirect(returnTo, fallback);
    }

    private List<ConnectionView> views(List<Entry> entries, Kind kind) {
        return views(entries, kind, cards.cardsFor(entries.stream().map(Entry::otherId).toList()));
    }

    private static List<ConnectionView> views(List<Entry> entries, Kind kind, Map<Long, MemberCard> cardsById) {
        List<ConnectionView> views = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            MemberCard card = cardsById.get(e.otherId());
            if (card != null) { // a member deleted since the first query takes their rows with them
                views.add(new ConnectionView(card, new ConnectionState(kind, e.connectionId(), null), e.at(), e.note()));
            }
        }
        return views;
    }

    private static String pendingUrl(String received, String sent) {
        return UriComponentsBuilder.fromPath("/connections/pending")
                .queryParamIfPresent("received", java.util.Optional.ofNullable(received))
                .queryParamIfPresent("sent", java.util.Optional.ofNullable(sent))
                .encode().toUriString();
    }

    private String nameOf(long memberId) {
        return members.findById(memberId).map(MemberSummary::displayName).orElse("that member");
    }

    private static String redirect(String returnTo, String fallback) {
        return "redirect:" + (returnTo != null && LOCAL_PATH.matcher(returnTo).matches() ? returnTo : fallback);
    }
}
