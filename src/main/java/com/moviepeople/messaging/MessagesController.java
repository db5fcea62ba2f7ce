package com.moviepeople.messaging;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class MessagesController {

    @GetMapping("/messages")
    String inbox() {
        return "messaging/inbox";
    }
}
