package com.moviepeople.notifications;

import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.KeysetCursor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The member's notifications: the list, and marking them read (one, by opening it, or all). */
@Controller
class NotificationsController {

    private final NotificationService notifications;

    NotificationsController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String before, Model model) {
        KeysetCursor cursor = KeysetCursor.decodeOrStart(before);
        model.addAttribute("page", notifications.page(me.id(), me.username(), cursor));
        model.addAttribute("firstPage", cursor.isStart());
        return "notifications/index";
    }

    /** The navigation's bell alone ({@code nav} comes from the navigation advice), fetched on a live update. */
    @GetMapping("/notifications/badge")
    String badge() {
        return "fragments/badges :: notificationsBadge";
    }

    /** Marks it read; with {@code open=true} goes on to the thing, otherwise back to the list. */
    @PostMapping("/notifications/{id:[0-9]{1,18}}/read")
    String read(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                @RequestParam(required = false) String open) {
        String link = notifications.markRead(me.id(), me.username(), id);
        return "redirect:" + ("true".equals(open) ? link : "/notifications");
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal CurrentMember me, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(me.id());
        redirect.addFlashAttribute("success", marked == 0 ? "Nothing was unread." : "All caught up.");
        return "redirect:/notifications";
    }
}
