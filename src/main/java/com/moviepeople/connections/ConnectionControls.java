package com.moviepeople.connections;

import com.moviepeople.shared.CompiledTemplates;
import org.springframework.stereotype.Component;


/**
 * The viewer's connection controls for one member (connect, cancel, accept or decline, message,
 * remove), drawn by a compiled template ({@code src/main/jte/connections/state.jte}): Thymeleaf pages
 * take them from {@code connections/fragments :: state}, and lists drawn by compiled templates (search
 * results) include the template itself. A page of twenty results drew twenty of these.
 */
@Component("connectionControls")
public class ConnectionControls {

    private final CompiledTemplates templates;

    ConnectionControls(CompiledTemplates templates) {
        this.templates = templates;
    }

    /**
     * @param state            how the viewer stands with the member; null for an anonymous visitor
     * @param returnTo         where the forms send the viewer back to; null: the member's profile
     * @param requestNoteForm  whether the connect form offers "Add a note" (the profile page)
     * @param requestNote      the note to refill after a refused one; null
     * @param mayAddNote       whether the viewer may write a note (a confirmed e-mail address)
     * @param blockRequestForm whether a received request offers "Ignore and block" (the received requests)
     */
    public String state(ConnectionState state, String username, String returnTo, boolean requestNoteForm,
                        String requestNote, boolean mayAddNote, boolean blockRequestForm) {
        return templates.render("connections/state.jte",
                "state", state,
                "username", username,
                "returnTo", returnTo,
                "requestNoteForm", requestNoteForm,
                "requestNote", requestNote,
                "mayAddNote", mayAddNote,
                "blockRequestForm", blockRequestForm);
    }
}
