package com.moviepeople.search;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SearchController {

    @GetMapping("/search")
    String search() {
        return "search/index";
    }
}
