// Slack mrkdwn → DOM nodes. Builds elements with textContent only (never innerHTML), so text the bot
// relays from buyers can never become markup in this page.
(function () {
  'use strict';

  var EMOJI = {
    warning: '\u26a0\ufe0f', rotating_light: '\ud83d\udea8', hourglass: '\u231b', hourglass_flowing_sand: '\u23f3',
    signpost: '\ud83e\udea7', twisted_rightwards_arrows: '\ud83d\udd00',
    alarm_clock: '\u23f0', stopwatch: '\u23f1\ufe0f', white_check_mark: '\u2705', heavy_check_mark: '\u2714\ufe0f',
    ballot_box_with_check: '\u2611\ufe0f', x: '\u274c', no_entry: '\u26d4', no_entry_sign: '\ud83d\udeab',
    moneybag: '\ud83d\udcb0', money_with_wings: '\ud83d\udcb8', dollar: '\ud83d\udcb5', credit_card: '\ud83d\udcb3',
    bank: '\ud83c\udfe6', receipt: '\ud83e\uddfe', speech_balloon: '\ud83d\udcac', package: '\ud83d\udce6',
    truck: '\ud83d\ude9a', mag: '\ud83d\udd0d', bust_in_silhouette: '\ud83d\udc64', busts_in_silhouette: '\ud83d\udc65',
    calendar: '\ud83d\udcc6', date: '\ud83d\udcc5', red_circle: '\ud83d\udd34', large_orange_circle: '\ud83d\udfe0',
    large_yellow_circle: '\ud83d\udfe1', large_green_circle: '\ud83d\udfe2', large_blue_circle: '\ud83d\udd35',
    white_circle: '\u26aa', black_circle: '\u26ab', arrows_counterclockwise: '\ud83d\udd04', repeat: '\ud83d\udd01',
    link: '\ud83d\udd17', envelope: '\u2709\ufe0f', email: '\ud83d\udce7', lock: '\ud83d\udd12', memo: '\ud83d\udcdd',
    pencil: '\ud83d\udcdd', pencil2: '\u270f\ufe0f', page_facing_up: '\ud83d\udcc4', paperclip: '\ud83d\udcce',
    inbox_tray: '\ud83d\udce5', outbox_tray: '\ud83d\udce4', scales: '\u2696\ufe0f', trophy: '\ud83c\udfc6',
    tada: '\ud83c\udf89', fire: '\ud83d\udd25', eyes: '\ud83d\udc40', bell: '\ud83d\udd14', question: '\u2753',
    exclamation: '\u2757', heavy_exclamation_mark: '\u2757', information_source: '\u2139\ufe0f',
    clipboard: '\ud83d\udccb', pushpin: '\ud83d\udccc', round_pushpin: '\ud83d\udccd', bar_chart: '\ud83d\udcca',
    chart_with_upwards_trend: '\ud83d\udcc8', chart_with_downwards_trend: '\ud83d\udcc9', arrow_right: '\u27a1\ufe0f',
    arrow_up: '\u2b06\ufe0f', arrow_down: '\u2b07\ufe0f', leftwards_arrow_with_hook: '\u21a9\ufe0f',
    thumbsup: '\ud83d\udc4d', '+1': '\ud83d\udc4d', thumbsdown: '\ud83d\udc4e', '-1': '\ud83d\udc4e',
    handshake: '\ud83e\udd1d', wave: '\ud83d\udc4b', zzz: '\ud83d\udca4', test_tube: '\ud83e\uddea', palm_tree: '\ud83c\udf34',
    double_vertical_bar: '\u23f8\ufe0f', new: '\ud83c\udd95', sos: '\ud83c\udd98',
    star: '\u2b50', sparkles: '\u2728', robot_face: '\ud83e\udd16', house: '\ud83c\udfe0', gear: '\u2699\ufe0f',
    shield: '\ud83d\udee1\ufe0f', hammer_and_wrench: '\ud83d\udee0\ufe0f', globe_with_meridians: '\ud83c\udf10',
    small_orange_diamond: '\ud83d\udd38', small_blue_diamond: '\ud83d\udd39', heavy_plus_sign: '\u2795',
    heavy_minus_sign: '\u2796', file_folder: '\ud83d\udcc1', card_index_dividers: '\ud83d\uddc2\ufe0f',
    speaking_head_in_silhouette: '\ud83d\udde3\ufe0f', writing_hand: '\u270d\ufe0f', hourglass_done: '\u231b',
    large_red_square: '\ud83d\udfe5', large_orange_square: '\ud83d\udfe7', large_yellow_square: '\ud83d\udfe8',
    large_green_square: '\ud83d\udfe9', white_large_square: '\u2b1c', bookmark_tabs: '\ud83d\udcd1',
    ledger: '\ud83d\udcd2', hourglass_not_done: '\u23f3', back: '\ud83d\udd19', end: '\ud83d\udd1a',
    timer_clock: '\u23f2\ufe0f', spiral_calendar_pad: '\ud83d\uddd3\ufe0f', label: '\ud83c\udff7\ufe0f',
    point_right: '\ud83d\udc49', heavy_dollar_sign: '\ud83d\udcb2', currency_exchange: '\ud83d\udcb1',
    rewind: '\u23ea', fast_forward: '\u23e9', pause_button: '\u23f8\ufe0f', arrow_forward: '\u25b6\ufe0f',
    arrow_double_up: '\u23eb', checkered_flag: '\ud83c\udfc1', grey_question: '\u2754', grey_exclamation: '\u2755'
  };

  var ENTITY = /<([^<>\n]*)>/g;
  var PLACEHOLDER = /\u0001(\d+)\u0002/g;
  var OPEN = '(^|[\\s(\\[{"\'.,;:!?\\u0002-])';
  var CLOSE = '(?=$|[\\s)\\]}"\'.,;:!?\\u0001-])';
  var STYLES = [
    { tag: 'b', re: new RegExp(OPEN + '\\*(\\S(?:[^*\\n]*?\\S)?)\\*' + CLOSE) },
    { tag: 'i', re: new RegExp(OPEN + '_(\\S(?:[^_\\n]*?\\S)?)_' + CLOSE) },
    { tag: 's', re: new RegExp(OPEN + '~(\\S(?:[^~\\n]*?\\S)?)~' + CLOSE) }
  ];

  function decode(s) {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  function emojify(s) {
    return String(s).replace(/:([a-z0-9_+\-]+):/g, function (m, name) {
      return Object.prototype.hasOwnProperty.call(EMOJI, name) ? EMOJI[name] : m;
    });
  }

  function element(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function userName(ctx, id, label) {
    var u = ctx && ctx.users && ctx.users[id];
    return u ? u.name : (label || id);
  }

  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  var DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

  function ordinal(n) {
    var s = ['th', 'st', 'nd', 'rd'], v = n % 100;
    return n + (s[(v - 20) % 10] || s[v] || s[0]);
  }

  function two(n) { return (n < 10 ? '0' : '') + n; }

  /** today, tomorrow or yesterday in the reader's zone, else null. */
  function relativeDay(d) {
    var now = new Date();
    var day = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    var diff = Math.round((day - today) / 86400000);
    return diff === 0 ? 'today' : diff === 1 ? 'tomorrow' : diff === -1 ? 'yesterday' : null;
  }

  /** Slack's {@code <!date^epoch^format|fallback>} as Slack shows it: in the reader's own time zone. */
  function formatDate(epoch, format) {
    var d = new Date(epoch * 1000);
    var shortDate = MONTHS[d.getMonth()].slice(0, 3) + ' ' + d.getDate() + ', ' + d.getFullYear();
    var date = MONTHS[d.getMonth()] + ' ' + ordinal(d.getDate()) + ', ' + d.getFullYear();
    var longDate = DAYS[d.getDay()] + ', ' + date;
    var values = {
      date_num: d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()),
      date: date,
      date_short: shortDate,
      date_long: longDate,
      date_pretty: relativeDay(d) || date,
      date_short_pretty: relativeDay(d) || shortDate,
      date_long_pretty: relativeDay(d) || longDate,
      time: two(d.getHours()) + ':' + two(d.getMinutes()),
      time_secs: two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds())
    };
    return format.replace(/\{([a-z_]+)\}/g, function (m, token) {
      return Object.prototype.hasOwnProperty.call(values, token) ? values[token] : m;
    });
  }

  /** One `<…>` entity: a mention, channel, special mention, date or link. */
  function entityNode(inner, ctx) {
    var bar = inner.indexOf('|');
    var target = bar < 0 ? inner : inner.slice(0, bar);
    var label = bar < 0 ? null : decode(inner.slice(bar + 1));
    if (target.charAt(0) === '@') {
      return element('span', 'mention', '@' + userName(ctx, target.slice(1), label));
    }
    if (target.charAt(0) === '#') {
      var name = (ctx && ctx.channels && ctx.channels[target.slice(1)]) || label || target.slice(1);
      return element('span', 'mention', '#' + name);
    }
    if (target.charAt(0) === '!') {
      var special = target.slice(1);
      if (special === 'here' || special === 'channel' || special === 'everyone') {
        return element('span', 'mention', '@' + special);
      }
      if (special.indexOf('subteam^') === 0) {
        return element('span', 'mention', label || '@group');
      }
      var date = /^date\^(\d+)\^([^^]*)/.exec(special);
      if (date) {
        var when = element('time', 'date', formatDate(Number(date[1]), date[2]));
        when.setAttribute('datetime', new Date(Number(date[1]) * 1000).toISOString());
        if (label) when.title = label;
        return when;
      }
      return document.createTextNode(label || '');
    }
    var url = decode(target);
    var text = emojify(label || url);
    if (/^(https?:|mailto:)/i.test(url)) {
      var a = element('a', 'link', text);
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      return a;
    }
    return document.createTextNode(text);
  }

  function appendText(parent, s, entities, ctx) {
    var last = 0;
    s.replace(PLACEHOLDER, function (m, index, offset) {
      if (offset > last) parent.appendChild(document.createTextNode(emojify(decode(s.slice(last, offset)))));
      parent.appendChild(entityNode(entities[Number(index)], ctx));
      last = offset + m.length;
      return m;
    });
    if (last < s.length) parent.appendChild(document.createTextNode(emojify(decode(s.slice(last)))));
  }

  function rawEntities(s, entities) {
    return s.replace(PLACEHOLDER, function (m, index) { return '<' + entities[Number(index)] + '>'; });
  }

  /** Bold, italic and strike (nested), then plain text and entities. */
  function styled(parent, s, entities, ctx) {
    var best = null;
    STYLES.forEach(function (style) {
      var m = style.re.exec(s);
      if (m && (best === null || m.index < best.m.index)) best = { m: m, tag: style.tag };
    });
    if (!best) {
      appendText(parent, s, entities, ctx);
      return;
    }
    var start = best.m.index + best.m[1].length;
    appendText(parent, s.slice(0, start), entities, ctx);
    var inner = element(best.tag);
    styled(inner, best.m[2], entities, ctx);
    parent.appendChild(inner);
    styled(parent, s.slice(start + best.m[2].length + 2), entities, ctx);
  }

  /** One run of text without code fences or quotes: inline code first, then styles. */
  function inline(parent, s, entities, ctx) {
    var parts = s.split(/`([^`\n]+)`/);
    parts.forEach(function (part, i) {
      if (i % 2 === 1) {
        parent.appendChild(element('code', null, decode(rawEntities(part, entities))));
      } else if (part) {
        styled(parent, part, entities, ctx);
      }
    });
  }

  function lines(parent, s, entities, ctx) {
    var rows = s.split('\n');
    var i = 0;
    while (i < rows.length) {
      if (/^(&gt;|>)/.test(rows[i])) {
        var quote = element('blockquote');
        var quoted = [];
        while (i < rows.length && /^(&gt;|>)/.test(rows[i])) {
          quoted.push(rows[i].replace(/^(&gt;|>) ?/, ''));
          i++;
        }
        lines(quote, quoted.join('\n'), entities, ctx);
        parent.appendChild(quote);
      } else {
        if (i > 0 && parent.lastChild && parent.lastChild.nodeName !== 'BLOCKQUOTE') {
          parent.appendChild(element('br'));
        }
        inline(parent, rows[i], entities, ctx);
        i++;
      }
    }
  }

  /** Renders Slack mrkdwn into a new span (class "mrkdwn"). */
  function render(text, ctx) {
    var out = element('span', 'mrkdwn');
    var entities = [];
    var s = String(text == null ? '' : text).replace(ENTITY, function (m, inner) {
      entities.push(inner);
      return '\u0001' + (entities.length - 1) + '\u0002';
    });
    s.split('```').forEach(function (part, i) {
      if (i % 2 === 1) {
        out.appendChild(element('pre', null, decode(rawEntities(part.replace(/^\n/, ''), entities))));
      } else if (part) {
        lines(out, part, entities, ctx);
      }
    });
    return out;
  }

  window.Mrkdwn = { render: render, emojify: emojify, element: element, formatDate: formatDate };
})();
