/*
 * Conversation page behaviour on top of htmx (no inline scripts: the CSP allows only our files).
 * New messages are fetched from GET /messages/{username}/since?after=<newest id shown> when
 * js/live.js hears of one (and every 30 s as a fallback); sending posts the form in the
 * background. Both append to #message-list, so a message can arrive twice (a fetch and the send
 * answer racing): duplicates are dropped by id.
 */
(function () {
    'use strict';

    function messages() {
        return document.querySelectorAll('#message-list [data-message-id]');
    }

    function newestId() {
        var newest = 0;
        messages().forEach(function (item) {
            var id = parseInt(item.getAttribute('data-message-id'), 10);
            if (id > newest) {
                newest = id;
            }
        });
        return newest;
    }

    function tidy() {
        var seen = {};
        var any = false;
        messages().forEach(function (item) {
            var id = item.getAttribute('data-message-id');
            if (seen[id]) {
                item.remove();
            } else {
                seen[id] = true;
                any = true;
            }
        });
        if (any) {
            document.querySelectorAll('#message-list [data-no-messages]').forEach(function (el) { el.remove(); });
        }
    }

    function showSendError(text) {
        var field = document.getElementById('content');
        var error = document.getElementById('content-error');
        if (field && error) {
            field.classList.add('is-invalid');
            error.textContent = text;
        }
    }

    function isSendForm(elt) {
        return elt && elt.matches && elt.matches('[data-send-form]');
    }

    var justSent = false;

    // The fetch always asks for what is newer than the newest message on the page.
    document.addEventListener('htmx:configRequest', function (event) {
        var elt = event.detail.elt;
        if (elt && elt.hasAttribute && elt.hasAttribute('data-poll-messages')) {
            event.detail.parameters.after = String(newestId() || elt.getAttribute('data-after') || 0);
        }
    });

    document.addEventListener('htmx:beforeRequest', function (event) {
        if (isSendForm(event.detail.elt)) {
            justSent = true;
        }
    });

    // Right after the swap, in the same task, so that nobody ever sees a message twice.
    document.addEventListener('htmx:afterSwap', tidy);

    document.addEventListener('htmx:afterSettle', function () {
        tidy();
        if (justSent) {
            justSent = false;
            var list = messages();
            if (list.length) {
                list[list.length - 1].scrollIntoView({block: 'nearest'});
            }
            var field = document.getElementById('content');
            if (field) {
                field.focus();
            }
        }
    });

    document.addEventListener('htmx:responseError', function (event) {
        if (!isSendForm(event.detail.elt)) {
            return;
        }
        justSent = false;
        var status = event.detail.xhr.status;
        if (status === 429) {
            showSendError('You have reached today’s limit for messages. Please try again later.');
        } else if (status === 403 || status === 404) {
            showSendError('This message was not sent: you are no longer connected. Reload the page to see why.');
        } else {
            showSendError('Your message could not be sent. Please reload the page and try again.');
        }
    });

    document.addEventListener('htmx:sendError', function (event) {
        if (isSendForm(event.detail.elt)) {
            justSent = false;
            showSendError('MoviePeople could not be reached. Check your connection and send again.');
        }
    });

    // Ctrl+Enter (or Cmd+Enter) sends.
    document.addEventListener('keydown', function (event) {
        var field = event.target;
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && field && field.id === 'content' && field.form) {
            event.preventDefault();
            field.form.requestSubmit();
        }
    });
}());
