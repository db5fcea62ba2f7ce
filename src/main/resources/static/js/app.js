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
    // Recorded before the request, because data-hx-disabled-elt then disables the focused button and
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

// Stills: a lightbox over the page, by mouse and by keyboard (Enter on a still opens it; ← and →
// move through the item's stills, Escape closes and returns to the still). Without JavaScript each
// still is a plain link to its large picture.
(function () {
    var box, image, caption, items = [], index = 0, opener = null;

    function build() {
        box = document.createElement('div');
        box.className = 'lightbox';
        box.hidden = true;
        box.setAttribute('role', 'dialog');
        box.setAttribute('aria-modal', 'true');
        box.setAttribute('aria-label', 'Still');
        // Focusable itself, so that a click on the picture keeps focus (and the keys) in the dialog.
        box.setAttribute('tabindex', '-1');
        box.setAttribute('data-lightbox', '');
        box.innerHTML = '<button type="button" class="btn btn-light lightbox-close" data-lightbox-close aria-label="Close">✕</button>'
            + '<button type="button" class="btn btn-light lightbox-prev" data-lightbox-prev aria-label="Previous still">‹</button>'
            + '<img alt="">'
            + '<button type="button" class="btn btn-light lightbox-next" data-lightbox-next aria-label="Next still">›</button>'
            + '<p class="visually-hidden" aria-live="polite"></p>';
        image = box.querySelector('img');
        caption = box.querySelector('p');
        box.querySelector('[data-lightbox-close]').addEventListener('click', close);
        box.querySelector('[data-lightbox-prev]').addEventListener('click', function () { show(index - 1); });
        box.querySelector('[data-lightbox-next]').addEventListener('click', function () { show(index + 1); });
        box.addEventListener('click', function (event) {
            if (event.target === box) {
                close();
            }
        });
        box.addEventListener('keydown', function (event) {
            if (event.key === 'Escape') {
                event.preventDefault();
                close();
            } else if (event.key === 'ArrowLeft') {
                event.preventDefault();
                show(index - 1);
            } else if (event.key === 'ArrowRight') {
                event.preventDefault();
                show(index + 1);
            } else if (event.key === 'Tab') {
                // Focus stays inside the dialog.
                var buttons = Array.prototype.slice.call(box.querySelectorAll('button:not([hidden])'));
                var at = buttons.indexOf(document.activeElement);
                event.preventDefault();
                // (From the dialog itself, after a click on the picture: the first or the last button.)
                var next = at < 0 ? (event.shiftKey ? buttons.length - 1 : 0)
                    : (at + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length;
                buttons[next].focus();
            }
        });
        document.body.appendChild(box);
    }

    function show(i) {
        index = (i + items.length) % items.length;
        var link = items[index];
        var thumb = link.querySelector('img');
        image.src = link.getAttribute('href');
        image.alt = thumb ? thumb.alt : '';
        caption.textContent = image.alt;
        var several = items.length > 1;
        box.querySelector('[data-lightbox-prev]').hidden = !several;
        box.querySelector('[data-lightbox-next]').hidden = !several;
    }

    function open(link) {
        if (!box) {
            build();
        }
        var gallery = link.closest('[data-gallery]');
        items = Array.prototype.slice.call(gallery.querySelectorAll('[data-lightbox-item]'));
        opener = link;
        show(items.indexOf(link));
        box.hidden = false;
        document.body.classList.add('overflow-hidden');
        box.querySelector('[data-lightbox-close]').focus();
    }

    function close() {
        box.hidden = true;
        image.removeAttribute('src');
        document.body.classList.remove('overflow-hidden');
        if (opener) {
            opener.focus();
        }
    }

    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('[data-lightbox-item]');
        if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
            return;
        }
        event.preventDefault();
        open(link);
    });
})();
