package com.moviepeople.feed;

import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.RateLimiter;

import com.moviepeople.shared.CurrentMember;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The feed, posts and comments. Thin: the service decides who may see and change what. A "load
 * more" request from htmx ({@code HX-Request}) gets only the next page's fragment; without
 * JavaScript the same link loads the full page.
 */
@Controller
class FeedController {

    /** Compiled pages (src/main/jte/feed/indexPage.jte, olderPage.jte; shared/CompiledPages). */
    private static final String FEED = "feed/index";
    /** The answer to the htmx "Load more": the next page's cards in place of the link. */
    private static final String FEED_OLDER = "feed/older";
    /** Compiled too (src/main/jte/feed/postPage.jte, earlierCommentsPage.jte). */
    private static final String POST = "feed/post";
    /** The answer to the htmx "Show earlier comments": those comments in place of the link. */
    private static final String POST_EARLIER_COMMENTS = "feed/earlierComments";
    /** The fresh button alone, which htmx swaps in after an applause. */
    private static final String APPLAUSE_BUTTON = "feed/fragments :: applause(b=${button})";

    /** Where an applause button may send the member back: the feed (at the post) or a post page. */
    private static final java.util.regex.Pattern APPLAUSE_RETURN = java.util.regex.Pattern.compile("/(feed|posts/\\d{1,18})");

    private final FeedService feed;
    private final ApplauseService applause;
    private final RateLimiter rateLimiter;

    FeedController(FeedService feed, ApplauseService applause, RateLimiter rateLimiter) {
        this.feed = feed;
        this.applause = applause;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Applauds the post or takes the applause back ({@code applaud=true|false} says which; without
     * it, a toggle). From htmx, answers with the fresh button alone; otherwise back to where the
     * button was.
     */
    @PostMapping("/posts/{id}/applaud")
    String applaudPost(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                       @RequestParam(required = false) String returnTo, @RequestParam(required = false) String applaud,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        rateLimiter.consumeForMember(me.id(), "applause-burst");
        Applause now = applause.setPost(me.id(), id, wanted(applaud));
        if (htmx != null) {
            model.addAttribute("button", ApplauseButton.ofPost(id, now, back(returnTo, "/posts/" + id)));
            return APPLAUSE_BUTTON;
        }
        return "redirect:" + back(returnTo, "/posts/" + id) + "#post-" + id;
    }

    /** The same for a comment; without htmx back to the comment on its post's page. */
    @PostMapping("/comments/{id}/applaud")
    String applaudComment(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                          @RequestParam(required = false) String returnTo, @RequestParam(required = false) String applaud,
                          @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        rateLimiter.consumeForMember(me.id(), "applause-burst");
        ApplauseService.CommentApplause result = applause.setComment(me.id(), id, wanted(applaud));
        if (htmx != null) {
            model.addAttribute("button", ApplauseButton.ofComment(id, result.applause()));
            return APPLAUSE_BUTTON;
        }
        return "redirect:" + back(returnTo, "/posts/" + result.postId()) + "#comment-" + id;
    }

    /** "true" or "false" as the page asks; anything else (or nothing) toggles. */
    private static Boolean wanted(String applaud) {
        return "true".equals(applaud) ? Boolean.TRUE : "false".equals(applaud) ? Boolean.FALSE : null;
    }

    /** The reason a post or comment was refused, for the compiled pages' field ({@link ContentForm#validate}). */
    private static String contentError(BindingResult result) {
        org.springframework.validation.FieldError error = result.getFieldError("content");
        return error == null ? ContentForm.BLANK : error.getDefaultMessage();
    }

    private static String back(String returnTo, String fallback) {
        return returnTo != null && APPLAUSE_RETURN.matcher(returnTo).matches() ? returnTo : fallback;
    }

    @GetMapping("/feed")
    String feed(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String before,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, HttpServletResponse response) {
        response.addHeader("Vary", "HX-Request");
        KeysetCursor cursor = KeysetCursor.decodeOrStart(before);
        model.addAttribute("page", feed.feed(me.id(), cursor));
        model.addAttribute("firstPage", cursor.isStart());
        if (htmx != null && !cursor.isStart()) {
            return FEED_OLDER;
        }
        model.addAttribute("form", ContentForm.empty());
        return FEED;
    }

    @PostMapping("/posts")
    String publish(@AuthenticationPrincipal CurrentMember me, @ModelAttribute("form") ContentForm form,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        form.validate(result);
        if (result.hasErrors()) {
            model.addAttribute("page", feed.feed(me.id(), KeysetCursor.START));
            model.addAttribute("firstPage", true);
            model.addAttribute("contentError", contentError(result));
            return FEED;
        }
        rateLimiter.consumeForMember(me.id(), "posts-burst", "posts-per-member");
        long id = feed.publish(me.id(), form.content());
        redirect.addFlashAttribute("success", "Your post is in the feed.");
        redirect.addAttribute("id", id);
        return "redirect:/feed#post-{id}";
    }

    @GetMapping("/posts/{id}")
    String post(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                @RequestParam(required = false) String before,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, HttpServletResponse response) {
        response.addHeader("Vary", "HX-Request");
        KeysetCursor cursor = KeysetCursor.decodeOrStart(before);
        model.addAttribute("page", feed.postPage(me.id(), id, cursor));
        model.addAttribute("viewerId", me.id());
        if (htmx != null && !cursor.isStart()) {
            return POST_EARLIER_COMMENTS;
        }
        model.addAttribute("form", ContentForm.empty());
        return POST;
    }

    @PostMapping("/posts/{id}/comments")
    String comment(@AuthenticationPrincipal CurrentMember me, @PathVariable long id,
                   @ModelAttribute("form") ContentForm form, BindingResult result,
                   Model model, RedirectAttributes redirect) {
        form.validate(result);
        if (result.hasErrors()) {
            // Still "not yours" for a post the member may not see, whatever they typed.
            model.addAttribute("page", feed.postPage(me.id(), id, KeysetCursor.START));
            model.addAttribute("viewerId", me.id());
            model.addAttribute("contentError", contentError(result));
            return POST;
        }
        rateLimiter.consumeForMember(me.id(), "comments-burst", "comments-per-member");
        long commentId = feed.comment(me.id(), id, form.content());
        redirect.addFlashAttribute("success", "Your comment is posted.");
        redirect.addAttribute("id", id);
        redirect.addAttribute("comment", commentId);
        return "redirect:/posts/{id}#comment-{comment}";
    }

    @PostMapping("/posts/{id}/delete")
    String deletePost(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, RedirectAttributes redirect) {
        feed.deletePost(me.id(), id);
        redirect.addFlashAttribute("success", "Your post was deleted.");
        return "redirect:/feed";
    }

    @PostMapping("/comments/{id}/delete")
    String deleteComment(@AuthenticationPrincipal CurrentMember me, @PathVariable long id, RedirectAttributes redirect) {
        long postId = feed.deleteComment(me.id(), id);
        redirect.addFlashAttribute("success", "The comment was deleted.");
        redirect.addAttribute("id", postId);
        return "redirect:/posts/{id}#comments";
    }
}
