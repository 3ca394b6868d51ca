// Live regions for the walk-in screens (waiting-room display, phone ticket, the supervisor's queue).
// The page is rendered on the server; this script only keeps it current. It listens to the server-sent events of
// /api/live and, on "hello" (every (re)connect, so after a server restart too), "change" and "resync", fetches the
// page's own address again and swaps the content of every element marked data-live (matched by id). The elements
// themselves stay, so aria-live regions announce the new content. When the page's data-live-shape differs (for example
// a ticket that is no longer waiting), the page is loaded again with GET. EventSource reconnects by itself.
(function () {
    'use strict';
    var script = document.currentScript;
    var root = document.documentElement;
    if (!window.EventSource || !window.fetch || !window.DOMParser || !document.querySelector('[data-live][id]')) return;

    var topics = (script && script.getAttribute('data-topics')) || 'walk_in_session';
    var every = parseInt((script && script.getAttribute('data-refresh-seconds')) || '0', 10);
    var busy = false;
    var again = false;
    var leaving = false;

    function shapeOf(doc) {
        var el = doc.querySelector('[data-live-shape]');
        return el ? el.getAttribute('data-live-shape') : '';
    }

    function apply(doc) {
        if (shapeOf(doc) !== shapeOf(document)) {
            // A different kind of page (state): load it whole, with GET even when this one answered a form.
            window.location.replace(window.location.href);
            return;
        }
        document.querySelectorAll('[data-live][id]').forEach(function (el) {
            var fresh = doc.getElementById(el.id);
            // A part shown again after a refused form keeps what was entered there until it is sent again.
            if (!fresh || el.hasAttribute('data-live-paused')) return;
            if (el.innerHTML !== fresh.innerHTML) el.innerHTML = fresh.innerHTML;
            var cls = fresh.getAttribute('class');
            if (cls !== el.getAttribute('class')) {
                if (cls === null) el.removeAttribute('class'); else el.setAttribute('class', cls);
            }
        });
        if (doc.title && doc.title !== document.title) document.title = doc.title;
    }

    function refresh() {
        if (leaving) return;
        if (busy) { again = true; return; }
        busy = true;
        again = false;
        fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'text/html' } })
            .then(function (response) {
                // Signed out, or the page is gone: let the browser show whatever the address now gives.
                if (response.redirected || response.status === 404) { window.location.replace(window.location.href); return null; }
                if (!response.ok) throw new Error('HTTP ' + response.status);
                return response.text();
            })
            .then(function (html) {
                if (html === null || leaving) return;
                apply(new DOMParser().parseFromString(html, 'text/html'));
                root.setAttribute('data-live-state', 'ready');
            })
            .catch(function () { root.setAttribute('data-live-state', 'stale'); })
            .then(function () {
                busy = false;
                if (again) refresh();
            });
    }

    var source = new EventSource('api/live?topics=' + encodeURIComponent(topics));
    ['hello', 'change', 'resync'].forEach(function (name) { source.addEventListener(name, refresh); });
    // Once a form is sent (or the page is left) its answer decides what comes next: swapping or reloading now would
    // race the form's own navigation.
    function leave() { leaving = true; source.close(); }
    document.addEventListener('submit', function (e) { if (!e.defaultPrevented) leave(); });
    window.addEventListener('pagehide', leave);
    // Back from the browser's page cache the stream is closed: load the page afresh.
    window.addEventListener('pageshow', function (e) { if (e.persisted) window.location.replace(window.location.href); });
    source.addEventListener('error', function () { root.setAttribute('data-live-state', 'reconnecting'); });
    // Estimates move with the clock even when nobody acts.
    if (every > 0) window.setInterval(refresh, every * 1000);
})();
