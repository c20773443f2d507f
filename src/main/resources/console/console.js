// The console page: long-polls the server for what LocalSlack holds and draws it; sends clicks,
// submissions and /disputes commands back, which the server signs and posts to the bot.
(function () {
  'use strict';
  var M = window.Mrkdwn;
  var B = window.Blocks;
  var el = M.element;
  var COMMAND = '/disputes';

  var ui = {
    version: -1,
    snap: null,
    tab: 'channel',
    channel: null,
    threadTs: null,
    nodes: {},
    threadNodes: {},
    homeKey: null,
    poll: null
  };

  function $(id) { return document.getElementById(id); }

  function api(path, body) {
    return fetch('/console/api/' + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body || {})
    }).then(function (r) {
      return r.json().catch(function () { return { ok: false, error: 'HTTP ' + r.status }; });
    }).then(function (reply) {
      if (!reply.ok) toast(reply.error || 'Something went wrong.');
      else if (reply.warning) toast(reply.warning);
      return reply;
    }, function () {
      toast('The console server cannot be reached.');
      return { ok: false };
    });
  }

  var toastTimer = null;
  function toast(text) {
    var t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.hidden = true; }, 7000);
  }

  function ctxFor(extra) {
    var snap = ui.snap || {};
    return Object.assign({ users: snap.users || {}, channels: snap.channels || {} }, extra);
  }

  var env = {
    snap: function () { return ui.snap; },
    ctxFor: ctxFor,
    api: api,
    openThread: function (ts) { openThread(ts); }
  };
  var messages = window.Messages.create(env);
  var follow = window.Follow.create($('timeline'), $('new-messages'));
  var modal = window.Modal.create(env);


  /** The people of the workspace who can be mentioned (bots cannot own disputes). */
  function people() {
    var users = (ui.snap && ui.snap.users) || {};
    return Object.keys(users).filter(function (id) { return !users[id].bot; }).map(function (id) {
      return { id: id, name: users[id].name, handle: users[id].handle || users[id].name };
    });
  }

  function drawChannel() {
    var snap = ui.snap;
    var items = snap.messages.slice();
    snap.ephemerals.forEach(function (e) {
      if (!e.threadTs && (!e.channel || e.channel === snap.channel.id)) {
        items.push(Object.assign({ ephemeral: true }, e));
      }
    });
    items.sort(function (a, b) { return messages.compareTs(a.ts, b.ts); });
    snap.files.forEach(function (f) { items.push({ file: f }); });
    var timeline = $('timeline');
    if (!items.length) {
      timeline.textContent = '';
      timeline.appendChild(el('div', 'empty', 'No messages yet: the bot posts a card here for each dispute that needs you.'));
      ui.nodes = {};
      return;
    }
    var empty = timeline.querySelector('.empty');
    if (empty) empty.remove();
    ui.nodes = follow.redraw(ui.nodes, function () {
      return messages.drawList(timeline, items, ui.nodes, 'channel');
    });
  }

  function drawThread() {
    var panel = $('thread-panel');
    var thread = ui.snap.thread;
    if (!ui.threadTs) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    if (!thread || thread.ts !== ui.threadTs) return;
    var items = [thread.parent].concat(thread.replies);
    ui.snap.ephemerals.forEach(function (e) {
      if (e.threadTs === thread.ts) items.push(Object.assign({ ephemeral: true }, e));
    });
    items.sort(function (a, b) { return messages.compareTs(a.ts, b.ts); });
    ui.threadNodes = messages.drawList($('thread'), items, ui.threadNodes, 'thread');
  }

  function openThread(ts) {
    ui.threadTs = ts;
    ui.threadNodes = {};
    $('thread').textContent = '';
    delete $('thread').dataset.drawn;
    $('thread-panel').hidden = false;
    restartPoll();
  }

  function closeThread() {
    ui.threadTs = null;
    $('thread-panel').hidden = true;
  }

  /** The app's Messages tab: the direct messages and files the bot sent this user. */
  function drawDirect() {
    var dm = ui.snap.dm;
    var box = $('dm');
    var items = dm.messages.map(function (m) { return Object.assign({ channel: dm.id }, m); });
    dm.files.forEach(function (f) { items.push({ file: f }); });
    if (!items.length) {
      box.textContent = '';
      box.appendChild(el('div', 'empty', 'Nothing here yet: files the app sends you (like /disputes export) appear here.'));
      ui.dmNodes = {};
      return;
    }
    var empty = box.querySelector('.empty');
    if (empty) empty.remove();
    ui.dmNodes = messages.drawList(box, items, ui.dmNodes || {}, 'dm');
  }

  function drawHome() {
    var home = ui.snap.home;
    var box = $('home');
    var key = home ? home.id + '@' + home.hash : 'none';
    if (key === ui.homeKey) return;
    ui.homeKey = key;
    box.textContent = '';
    if (!home) {
      box.appendChild(el('div', 'empty', 'The app has not published a Home tab for you yet.'));
      return;
    }
    var ctx = ctxFor({
      onAction: function (action) {
        api('action', { where: 'view', viewId: home.id, action: action, state: B.collectState(box) });
      }
    });
    box.appendChild(B.render(home.blocks, ctx));
  }

  /** The channels the person can switch between: the first is #nav-channel, the others follow it. */
  function drawChannelList() {
    var snap = ui.snap;
    var list = snap.channelList || [snap.channel];
    var first = list[0];
    $('nav-channel').textContent = '# ' + first.name;
    $('nav-channel').dataset.channel = first.id;
    var more = $('nav-more-channels');
    more.textContent = '';
    list.slice(1).forEach(function (c) {
      var a = el('a', 'nav', '# ' + c.name);
      a.href = '#';
      a.dataset.channel = c.id;
      a.addEventListener('click', function (ev) { ev.preventDefault(); switchChannel(c.id); });
      more.appendChild(a);
    });
    document.querySelectorAll('#sidebar a[data-channel]').forEach(function (a) {
      a.classList.toggle('active', ui.tab === 'channel' && a.dataset.channel === snap.channel.id);
    });
  }

  function switchChannel(id) {
    if (ui.snap && id === ui.snap.channel.id && ui.tab === 'channel') return;
    ui.channel = id;
    ui.nodes = {};
    $('timeline').textContent = '';
    closeThread();
    showTab('channel');
    restartPoll();
  }

  function drawFrame() {
    var snap = ui.snap;
    $('team-name').textContent = snap.team.name;
    drawChannelList();
    $('nav-home').textContent = snap.bot.name;
    $('me').textContent = snap.me.name;
    $('main-title').textContent = ui.tab === 'channel' ? '# ' + snap.channel.name : snap.bot.name;
    $('channel-view').hidden = ui.tab !== 'channel';
    $('home-view').hidden = ui.tab === 'channel';
    $('home').hidden = ui.tab !== 'home';
    $('dm').hidden = ui.tab !== 'messages';
    $('tab-home').classList.toggle('active', ui.tab === 'home');
    $('tab-messages').classList.toggle('active', ui.tab === 'messages');
    $('nav-home').classList.toggle('active', ui.tab !== 'channel');
  }

  function draw() {
    drawFrame();
    drawChannel();
    drawThread();
    drawDirect();
    drawHome();
    modal.draw();
  }

  function setConnection(live) {
    var c = $('conn');
    c.textContent = live ? '\u25cf live' : 'reconnecting\u2026';
    c.classList.toggle('down', !live);
  }

  function restartPoll() {
    ui.version = -1;
    if (ui.poll) ui.poll.abort();
  }

  function loop() {
    var controller = new AbortController();
    ui.poll = controller;
    var thread = ui.threadTs || '';
    var channel = ui.channel;
    fetch('/console/api/state?since=' + ui.version + '&thread=' + encodeURIComponent(thread)
        + (channel ? '&channel=' + encodeURIComponent(channel) : ''),
      { signal: controller.signal, cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (snap) {
        setConnection(true);
        if (channel !== ui.channel) {
          loop();
          return;
        }
        if (snap.version !== ui.version || thread !== (ui.threadTs || '')) {
          ui.snap = snap;
          ui.version = snap.version;
          draw();
        }
        loop();
      }, function (err) {
        if (controller.signal.aborted) {
          loop();
          return;
        }
        setConnection(false);
        setTimeout(loop, 1500);
      });
  }

  function showTab(tab) {
    ui.tab = tab;
    if (ui.snap) drawFrame();
    if (tab === 'home') api('home', {});
  }

  function sendCommand(ev) {
    ev.preventDefault();
    var box = $('command-box');
    var line = box.value.trim();
    if (!line) return;
    if (line !== COMMAND && line.indexOf(COMMAND + ' ') !== 0) {
      toast('This console sends slash commands only: try "' + COMMAND + ' help".');
      return;
    }
    box.value = '';
    mentions.close();
    follow.expectAnswer();
    api('command', { text: window.Mentions.encode(line.slice(COMMAND.length).trim(), people()),
      channel: ui.snap ? ui.snap.channel.id : null });
  }

  /** Slack permalinks to this channel's messages scroll to the message instead of leaving the page. */
  function followPermalink(ev) {
    var a = ev.target.closest && ev.target.closest('a[href]');
    var m = a && /\/archives\/([A-Z0-9]+)\/p(\d+)(\d{6})(?:\?(.*))?$/.exec(a.getAttribute('href'));
    if (!m || !ui.snap || m[1] !== ui.snap.channel.id) return;
    ev.preventDefault();
    var ts = m[2] + '.' + m[3];
    var thread = /(?:^|&)thread_ts=(\d+\.\d+)/.exec(m[4] || '');
    showTab('channel');
    if (thread && thread[1] !== ts) {
      openThread(thread[1]);
      return;
    }
    var node = $('timeline').querySelector('.msg[data-ts="' + ts + '"]');
    if (!node) return;
    node.scrollIntoView({ block: 'center' });
    node.classList.add('flash');
    setTimeout(function () { node.classList.remove('flash'); }, 1600);
  }

  document.addEventListener('click', followPermalink, true);
  $('nav-channel').addEventListener('click', function (ev) {
    ev.preventDefault();
    if (ev.currentTarget.dataset.channel) switchChannel(ev.currentTarget.dataset.channel);
    else showTab('channel');
  });
  $('nav-home').addEventListener('click', function (ev) { ev.preventDefault(); showTab('home'); });
  $('tab-home').addEventListener('click', function () { showTab('home'); });
  $('tab-messages').addEventListener('click', function () { showTab('messages'); });
  $('thread-close').addEventListener('click', closeThread);
  $('composer').addEventListener('submit', sendCommand);
  var mentions = window.Mentions.create($('command-box'), $('mention-menu'), people);
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && ui.snap && ui.snap.modal && !document.querySelector('.confirm-backdrop')) {
      api('close', { viewId: ui.snap.modal.id, state: {} });
    }
  });
  loop();
})();
