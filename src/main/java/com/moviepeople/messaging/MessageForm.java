package com.moviepeople.messaging;

/** The send form: {@code content}, checked (trimmed, 1–5,000 characters) by the service. */
record MessageForm(String content) {

    static MessageForm empty() {
        return new MessageForm("");
    }
}
