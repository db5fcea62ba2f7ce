package com.moviepeople.feed;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class FeedController {

    @GetMapping("/feed")
    String feed() {
        return "feed/index";
    }
}
