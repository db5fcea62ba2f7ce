package com.moviepeople.connections;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ConnectionsController {

    @GetMapping("/connections")
    String connections() {
        return "connections/index";
    }
}
