// @name in the message box, as Slack's composer does it: typing "@Jo" offers the workspace's people,
// and a picked (or fully typed) "@Jordan Lee" is sent the way Slack sends a mention, <@U…|handle>.
(function () {
  'use strict';
  var el = window.Mrkdwn.element;

  function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /** people() gives [{id, name, handle}] of the people (not bots) who can be mentioned. */
  function create(input, menu, people) {
    var state = { query: null, items: [], active: 0 };

    /** The "@…" being typed before the caret, or null. */
    function query() {
      var caret = input.selectionStart == null ? input.value.length : input.selectionStart;
      var before = input.value.slice(0, caret);
      var at = before.lastIndexOf('@');
      if (at < 0 || (at > 0 && !/\s/.test(before.charAt(at - 1)))) return null;
      var text = before.slice(at + 1);
      if (text.length > 40 || /[<>@]/.test(text)) return null;
      return { at: at, text: text, caret: caret };
    }

    function matches(text) {
      var t = text.toLowerCase();
      return people().filter(function (p) {
        var name = p.name.toLowerCase();
        return name.indexOf(t) === 0 || p.handle.toLowerCase().indexOf(t) === 0
          || name.split(/\s+/).some(function (w) { return w.indexOf(t) === 0; });
      }).slice(0, 8);
    }

    function close() {
      menu.hidden = true;
      menu.textContent = '';
      state.items = [];
      input.setAttribute('aria-expanded', 'false');
    }

    function draw() {
      menu.textContent = '';
      state.items.forEach(function (p, i) {
        var item = el('li', 'mention-option' + (i === state.active ? ' active' : ''));
        item.setAttribute('role', 'option');
        item.dataset.userId = p.id;
        item.appendChild(el('span', 'mention-name', p.name));
        item.appendChild(el('span', 'mention-handle', ' @' + p.handle));
        // mousedown, not click: it comes before the box loses focus.
        item.addEventListener('mousedown', function (ev) {
          ev.preventDefault();
          pick(p);
        });
        menu.appendChild(item);
      });
      menu.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function update() {
      var q = query();
      var found = q ? matches(q.text) : [];
      // "@Jordan Lee" typed in full: nothing more to offer.
      if (!found.length || (found.length === 1 && found[0].name.toLowerCase() === q.text.toLowerCase())) {
        close();
        return;
      }
      state.query = q;
      state.items = found;
      state.active = 0;
      draw();
    }

    function pick(person) {
      var q = state.query;
      var inserted = '@' + person.name + ' ';
      var after = input.value.slice(q.caret).replace(/^\s+/, '');
      input.value = input.value.slice(0, q.at) + inserted + after;
      var pos = q.at + inserted.length;
      input.setSelectionRange(pos, pos);
      close();
      input.focus();
    }

    input.addEventListener('input', update);
    input.addEventListener('keydown', function (ev) {
      if (menu.hidden || !state.items.length) return;
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        var n = state.items.length;
        state.active = (state.active + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
        draw();
      } else if (ev.key === 'Enter' || ev.key === 'Tab') {
        ev.preventDefault();
        pick(state.items[state.active]);
      } else if (ev.key === 'Escape') {
        ev.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
    return { close: close };
  }

  /** The line with each "@Name" or "@handle" of a known person written as Slack sends it: <@U…|handle>. */
  function encode(line, people) {
    var byLength = people.slice().sort(function (a, b) { return b.name.length - a.name.length; });
    byLength.forEach(function (p) {
      [p.name, p.handle].forEach(function (n) {
        var re = new RegExp('(^|\\s)@' + escapeRe(n) + '(?=$|[\\s,.;:!?])', 'gi');
        line = line.replace(re, function (m, pre) { return pre + '<@' + p.id + '|' + p.handle + '>'; });
      });
    });
    return line;
  }

  window.Mentions = { create: create, encode: encode };
})();
