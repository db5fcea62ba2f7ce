package com.moviepeople.messaging;

import com.moviepeople.shared.CompiledTemplates;
import com.moviepeople.shared.Times;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A conversation's messages, drawn by compiled templates ({@code src/main/jte/messaging}) and taken
 * by the Thymeleaf pages as ready HTML ({@code messaging/fragments :: message}, the conversation
 * page, "load earlier" and live updates): twenty a page, where Thymeleaf's cost per expression added up
 * (docs/benchmarks.md, "Compiled templates for what a page repeats").
 */
@Component("messageCards")
public class MessageCards {

    private final CompiledTemplates templates;
    private final Times times;

    MessageCards(CompiledTemplates templates, Times times) {
        this.templates = templates;
        this.times = times;
    }

    public String messages(List<MessageView> messages, ConversationView view) {
        return templates.render("messaging/messages.jte", "messages", messages, "otherName", view.displayName(), "times", times);
    }

    /** "Load earlier messages" above the list, when there are earlier ones; {@code pageUrl} null: the conversation's address. */
    public String loadEarlier(ConversationView view, String pageUrl) {
        return templates.render("messaging/loadEarlier.jte", "view", view, "pageUrl", pageUrl);
    }

    /** The send form (with the refused text and the reason), or why there is none. */
    public String sendArea(ConversationView view, boolean oob, MessageForm form, String contentError) {
        return templates.render("messaging/sendArea.jte", "view", view, "oob", oob,
                "content", form == null ? null : form.content(), "contentError", contentError);
    }

    public String message(MessageView message, ConversationView view) {
        return templates.render("messaging/message.jte", "m", message, "otherName", view.displayName(), "times", times);
    }
}
