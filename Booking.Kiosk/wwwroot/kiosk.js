// The lobby kiosk: a Print button for the ticket, and a quiet return to the start screen after a short idle time, so the
// next client never sees the previous one's number. Every touch or key press restarts the idle time.
(function () {
    'use strict';
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.hidden = false;
        button.addEventListener('click', function () { window.print(); });
    });

    var idle = document.querySelector('[data-idle-return]');
    if (!idle) return;
    var seconds = parseInt(idle.getAttribute('data-idle-seconds') || '45', 10);
    var target = idle.getAttribute('data-idle-return');
    var timer = 0;
    function restart() {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { window.location.replace(target); }, seconds * 1000);
    }
    ['pointerdown', 'keydown', 'touchstart', 'wheel'].forEach(function (name) {
        document.addEventListener(name, restart, { passive: true });
    });
    restart();
})();
