package com.moviepeople.profiles;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ProfileController {

    private final MemberDirectory members;

    ProfileController(MemberDirectory members) {
        this.members = members;
    }

    @GetMapping("/people/{username}")
    String show(@PathVariable String username, Model model) {
        MemberSummary member = members.findByUsername(username).orElseThrow(NotFoundException::new);
        model.addAttribute("member", member);
        return "profiles/show";
    }

    @GetMapping("/profile/edit")
    String edit() {
        return "profiles/edit";
    }
}
