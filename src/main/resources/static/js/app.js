/*
 * Small progressive enhancements on top of htmx, for every page (no inline scripts: the CSP
 * allows only our own files). Every htmx form is also a plain form: without JavaScript it posts
 * and redirects as usual.
 */
(function () {
    'use strict';

    // A form marked data-hx-fallback that htmx could not complete (rate limit, "not yours", server
    // or network error) is sent the ordinary way, so that the member sees the full answer page
    // instead of a button that silently did nothing. form.submit() bypasses htmx's submit handler.
    function fallBack(event) {
        var elt = event.detail.elt;
        var form = elt && elt.closest ? elt.closest('form[data-hx-fallback]') : null;
        if (form) {
            form.submit();
        }
    }
    document.addEventListener('htmx:responseError', fallBack);
    document.addEventListener('htmx:sendError', fallBack);

    // Keep the keyboard where it was: when a swap replaces the element that had the focus, focus
    // the first control of what replaced it (or its first field, for forms marked data-hx-focus).
    // Recorded before the request, because hx-disabled-elt then disables the focused button and
    // the browser moves the focus to the page.
    var refocus = null;
    document.addEventListener('htmx:beforeRequest', function (event) {
        var target = event.detail.target;
        var active = document.activeElement;
        if (target && target.id && active && active !== document.body && target.contains(active)) {
            refocus = target.id;
        } else if (target && target.hasAttribute && target.hasAttribute('data-connection-for') && active && target.contains(active)) {
            refocus = '[data-connection-for="' + target.getAttribute('data-connection-for') + '"]';
        } else {
            refocus = null;
        }
    });
    document.addEventListener('htmx:afterSettle', function () {
        if (!refocus) {
            return;
        }
        var root = refocus.charAt(0) === '[' ? document.querySelector(refocus) : document.getElementById(refocus);
        refocus = null;
        if (!root) {
            return;
        }
        var next = root.querySelector('[data-hx-focus] textarea, [data-hx-focus] input:not([type=hidden])')
            || root.querySelector('button, a[href], summary');
        if (next) {
            next.focus();
        }
    });
}());
