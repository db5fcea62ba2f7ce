package com.moviepeople.blocking;

import com.moviepeople.shared.CurrentMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Block and unblock from a profile, and the settings list of blocked members. */
@Controller
class BlockController {

    static final int PAGE_SIZE = 50;
    private static final String SETTINGS = "/settings/blocked";

    private final BlockService blocks;

    BlockController(BlockService blocks) {
        this.blocks = blocks;
    }

    @PostMapping("/people/{username}/block")
    String block(@AuthenticationPrincipal CurrentMember me, @PathVariable String username, RedirectAttributes flash) {
        BlockService.Result result = blocks.block(me.id(), username);
        String name = result.member().displayName();
        switch (result.outcome()) {
            case SELF -> flash.addFlashAttribute("error", "You can’t block yourself.");
            case ALREADY_BLOCKED -> flash.addFlashAttribute("success", "You had already blocked " + name + ".");
            default -> flash.addFlashAttribute("success", "You blocked " + name + ". They can no longer see your profile "
                    + "or posts, send you requests or messages, and you won’t see theirs.");
        }
        flash.addAttribute("username", result.member().username());
        return "redirect:/people/{username}";
    }

    @PostMapping("/people/{username}/unblock")
    String unblock(@AuthenticationPrincipal CurrentMember me, @PathVariable String username,
                   @RequestParam(required = false) String returnTo, RedirectAttributes flash) {
        BlockService.Result result = blocks.unblock(me.id(), username);
        String name = result.member().displayName();
        flash.addFlashAttribute("success", result.outcome() == BlockService.Outcome.UNBLOCKED
                ? "You unblocked " + name + ". Connections removed by the block do not come back."
                : name + " was not blocked.");
        // Only one place to go back to besides the profile: no redirect to anywhere a parameter names.
        if (SETTINGS.equals(returnTo)) {
            return "redirect:" + SETTINGS;
        }
        flash.addAttribute("username", result.member().username());
        return "redirect:/people/{username}";
    }

    @GetMapping(SETTINGS)
    String blocked(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String after, Model model) {
        BlockCursor cursor = BlockCursor.decodeOrStart(after);
        model.addAttribute("page", blocks.blockedBy(me.id(), cursor, PAGE_SIZE));
        model.addAttribute("firstPage", cursor == BlockCursor.START);
        return "blocking/blocked";
    }
}
