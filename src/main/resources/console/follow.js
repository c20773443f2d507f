// Keeps what matters in view in the channel, as Slack does: the answer to a command you just sent is
// scrolled into view; other new messages below the visible part show a "New messages" marker.
(function () {
  'use strict';
  var ANSWER_WINDOW_MS = 20000;

  function atBottom(box) {
    return box.scrollHeight - box.scrollTop - box.clientHeight < 120;
  }

  /** timeline: the scrolling list; marker: the "New messages" button. */
  function create(timeline, marker) {
    var answerUntil = 0;

    timeline.addEventListener('scroll', function () {
      if (atBottom(timeline)) marker.hidden = true;
    });
    marker.addEventListener('click', function () {
      timeline.scrollTop = timeline.scrollHeight;
      marker.hidden = true;
    });

    /** Runs draw() (which returns the new node cache), then follows what it added to `before`. */
    function redraw(before, draw) {
      var first = !timeline.dataset.drawn;
      var wasAtBottom = atBottom(timeline);
      var nodes = draw();
      if (first) return nodes;
      var added = Object.keys(nodes).filter(function (k) { return !before[k]; });
      var answers = added.filter(function (k) { return k.charAt(0) === 'e'; });
      if (answers.length && Date.now() < answerUntil) {
        var node = nodes[answers[answers.length - 1]].node;
        node.scrollIntoView({ block: node.offsetHeight > timeline.clientHeight ? 'start' : 'end' });
        marker.hidden = true;
      } else if (added.length && !wasAtBottom && !atBottom(timeline)) {
        marker.hidden = false;
      }
      return nodes;
    }

    /** A command was sent: its answers (ephemerals) are scrolled into view for a while. */
    function expectAnswer() {
      answerUntil = Date.now() + ANSWER_WINDOW_MS;
    }

    return { redraw: redraw, expectAnswer: expectAnswer };
  }

  window.Follow = { create: create };
})();
