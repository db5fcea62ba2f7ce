/*
 * Live updates on every logged-in page (no inline scripts: the CSP allows only our own files).
 *
 * GET /messages/stream is a stream of server-sent events that only name what changed:
 *   unread  {"count": N}                                    first on every (re)opened stream: the unread total
 *   message {"with": <member id>, "incoming": true|false}  a message in the conversation with that member
 *   read    {"with": <member id>}                           the member read messages (another tab, maybe)
 *   notice  {}                                              the member's notifications changed: refresh the bell
 *   resync  {}                                              events may have been missed: fetch what is new
 * On the open conversation an event fires "mp:message" on its poll element, and htmx fetches the
 * new messages through the usual /messages/{username}/since fragment; elsewhere the navigation's
 * unread badge is fetched again (/messages/unread).
 *
 * One stream per browser, not per tab: browsers allow only six HTTP/1.1 connections per site, and
 * a stream holds one. The tab holding a Web Lock opens it and passes its events to the member's
 * other tabs over a BroadcastChannel; when that tab goes, another takes the lock. Without those
 * APIs (old browsers, plain HTTP off localhost) only conversation pages open a stream of their own.
 *
 * Everything here is an extra: the conversation also polls every 30 s, and every page shows the
 * current counts when it loads.
 */
(function () {
    'use strict';

    var script = document.currentScript;
    var member = script ? script.getAttribute('data-member') : null;
    if (!member || !window.htmx) {
        return;
    }
    var name = 'moviepeople-live-' + member;

    function conversationPoll() {
        return document.querySelector('[data-poll-messages]');
    }

    function fetchNewMessages() {
        var poll = conversationPoll();
        if (poll) {
            htmx.trigger(poll, 'mp:message');
        }
    }

    // Replaces a navigation badge (#nav-unread, #nav-notifications) with a fresh copy from its URL;
    // several events in a row cost one request.
    var badgeTimers = {};
    function refresh(id, url) {
        if (badgeTimers[id] || !window.fetch || !document.getElementById(id)) {
            return;
        }
        badgeTimers[id] = setTimeout(function () {
            badgeTimers[id] = null;
            fetch(url, {credentials: 'same-origin', redirect: 'manual'})
                .then(function (response) {
                    return response.ok ? response.text() : null;
                })
                .then(function (html) {
                    var current = document.getElementById(id);
                    if (!html || !current) {
                        return;
                    }
                    var template = document.createElement('template');
                    template.innerHTML = html.trim();
                    var fresh = template.content.querySelector('#' + id);
                    if (fresh) {
                        current.replaceWith(fresh);
                        mirrorBell();
                    }
                })
                .catch(function () {
                    // Offline for a moment: the next page shows the count.
                });
        }, 200);
    }

    // On phones the menu is collapsed: a bell beside the menu button shows the same count.
    function mirrorBell() {
        var badge = document.querySelector('#nav-notifications [data-unread-notifications]');
        var mirror = document.querySelector('[data-bell-mirror]');
        if (!badge || !mirror) {
            return;
        }
        var count = badge.getAttribute('data-unread-notifications');
        var pill = mirror.querySelector('.badge');
        pill.textContent = count;
        pill.classList.toggle('d-none', count === '0');
        mirror.setAttribute('aria-label', count === '0' ? 'Notifications' : 'Notifications, ' + count + ' unread');
    }

    function refreshBadge() {
        refresh('nav-unread', '/messages/unread');
    }

    function handle(type, data) {
        if (type === 'message') {
            var poll = conversationPoll();
            if (poll && String(data.with) === poll.getAttribute('data-live-with')) {
                // Our own message from this very tab: the send's answer (still on its way) brings it.
                if (!data.incoming && document.querySelector('[data-send-form].htmx-request')) {
                    return;
                }
                htmx.trigger(poll, 'mp:message');
            } else if (data.incoming) {
                refreshBadge();
            }
        } else if (type === 'read') {
            refreshBadge();
        } else if (type === 'unread') {
            var shown = document.querySelector('#nav-unread [data-unread-messages]');
            if (shown && shown.getAttribute('data-unread-messages') !== String(data.count)) {
                refreshBadge();
            }
        } else if (type === 'open') {
            // A stream (re)opened: what happened while none was open was not announced. (Its
            // unread count follows.)
            fetchNewMessages();
        } else if (type === 'notice') {
            refresh('nav-notifications', '/notifications/badge');
        } else if (type === 'resync') {
            fetchNewMessages();
            refreshBadge();
            refresh('nav-notifications', '/notifications/badge');
        }
    }

    // Opens the stream and keeps it open. EventSource reconnects by itself after a dropped
    // connection; after a refusal (401, 503) it gives up, so we try again later, more slowly each time.
    function connect(emit) {
        var retryDelay = 15000;
        function open() {
            var source = new EventSource('/messages/stream');
            ['unread', 'message', 'read', 'notice', 'resync'].forEach(function (type) {
                source.addEventListener(type, function (event) {
                    var data = {};
                    try {
                        data = JSON.parse(event.data || '{}');
                    } catch (ignored) {
                        // Not ours: treat it as a plain change.
                    }
                    emit(type, data);
                });
            });
            source.addEventListener('open', function () {
                retryDelay = 15000;
                emit('open', {});
            });
            source.addEventListener('error', function () {
                if (source.readyState === EventSource.CLOSED) {
                    setTimeout(open, retryDelay + Math.random() * 5000);
                    retryDelay = Math.min(retryDelay * 2, 300000);
                }
            });
        }
        open();
    }

    if (!window.EventSource) {
        // No server-sent events at all: poll the open conversation as often as before.
        setInterval(fetchNewMessages, 4000);
        return;
    }

    if (navigator.locks && window.BroadcastChannel) {
        var channel = new BroadcastChannel(name);
        channel.onmessage = function (event) {
            if (event.data && event.data.type) {
                handle(event.data.type, event.data.data || {});
            }
        };
        navigator.locks.request(name, function () {
            connect(function (type, data) {
                handle(type, data);
                channel.postMessage({type: type, data: data});
            });
            // Held as long as this page is open; then the next tab waiting for it opens the stream.
            return new Promise(function () {});
        });
    } else if (conversationPoll()) {
        connect(handle);
    }
}());
