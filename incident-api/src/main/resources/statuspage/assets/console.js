// The console without this file is complete; with it, the next-update countdowns of the list follow the clock
// every minute instead of staying as they were when the page was served.
(function () {
    "use strict";

    function words(seconds) {
        seconds = Math.abs(seconds);
        if (seconds < 60) { return Math.floor(seconds) + " s"; }
        var minutes = Math.floor(seconds / 60);
        if (minutes < 120) { return minutes + " min"; }
        var hours = Math.floor(minutes / 60);
        if (hours < 48) { return hours + " h " + (minutes % 60) + " min"; }
        return Math.floor(hours / 24) + " d " + (hours % 24) + " h";
    }

    function refresh() {
        var now = Date.now();
        document.querySelectorAll(".countdown[data-due]").forEach(function (element) {
            var seconds = (Date.parse(element.getAttribute("data-due")) - now) / 1000;
            var overdue = seconds < 0;
            element.textContent = overdue ? "overdue by " + words(seconds) : "next update due in " + words(seconds);
            element.classList.toggle("overdue", overdue);
            var row = element.closest(".console-incident");
            if (row) { row.classList.toggle("console-incident--overdue", overdue); }
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        refresh();
        setInterval(refresh, 60000);
    });
}());
