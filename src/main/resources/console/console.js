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
    threadTs: null,
    nodes: {},
    threadNodes: {},
    modalKey: null,
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

  function compareTs(a, b) {
    var x = a.split('.'), y = b.split('.');
    return Number(x[0]) - Number(y[0]) || Number(x[1] || 0) - Number(y[1] || 0);
  }

  function timeOf(ts) {
    return new Date(Number(ts.split('.')[0]) * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function authorOf(m) {
    var snap = ui.snap;
    if (m.bot || m.user === snap.bot.userId) return { name: snap.bot.name, bot: true };
    var u = snap.users[m.user];
    return { name: u ? u.name : m.user, bot: false };
  }

  function initials(name) {
    return name.split(/\s+/).map(function (w) { return w.charAt(0); }).join('').slice(0, 2).toUpperCase();
  }

  /** One message (or ephemeral) as Slack draws it. */
  function messageNode(m, where) {
    var node = el('div', 'msg' + (m.ephemeral ? ' ephemeral' : ''));
    node.dataset.ts = m.ts;
    var author = m.ephemeral ? { name: ui.snap.bot.name, bot: true } : authorOf(m);
    node.appendChild(el('div', 'avatar' + (author.bot ? ' bot' : ''), initials(author.name)));
    var body = el('div', 'msg-body');
    var head = el('div', 'msg-head');
    head.appendChild(el('span', 'msg-author', author.name));
    if (author.bot) head.appendChild(el('span', 'app-badge', 'APP'));
    head.appendChild(el('span', 'msg-time', timeOf(m.ts)));
    if (m.edited) head.appendChild(el('span', 'msg-edited', '(edited)'));
    body.appendChild(head);
    if (m.ephemeral) body.appendChild(el('div', 'only-you', 'Only visible to you'));
    var ctx = ctxFor({
      onAction: function (action) {
        var msg = m.ephemeral ? node : node.querySelector('.msg-content');
        api('action', {
          where: 'message',
          channel: m.channel || ui.snap.channel.id,
          ts: m.ts,
          threadTs: m.threadTs || null,
          ephemeral: !!m.ephemeral,
          action: action,
          state: B.collectState(msg)
        });
      }
    });
    var content = el('div', 'msg-content');
    if (m.blocks && m.blocks.length) content.appendChild(B.render(m.blocks, ctx));
    else content.appendChild(M.render(m.text, ctx));
    body.appendChild(content);
    if (where === 'channel' && m.replyCount > 0) {
      var link = el('button', 'reply-link', m.replyCount + (m.replyCount === 1 ? ' reply' : ' replies'));
      link.type = 'button';
      link.addEventListener('click', function () { openThread(m.ts); });
      body.appendChild(link);
    }
    if (m.ephemeral) {
      var dismiss = el('button', 'dismiss-link', 'Dismiss');
      dismiss.type = 'button';
      dismiss.addEventListener('click', function () { api('dismiss', { ts: m.ts }); });
      body.appendChild(dismiss);
    }
    node.appendChild(body);
    return node;
  }

  /** A file the bot shared, with a download link. */
  function fileNode(f) {
    var node = el('div', 'msg file-share');
    node.dataset.fileId = f.id;
    node.appendChild(el('div', 'avatar bot', initials(ui.snap.bot.name)));
    var body = el('div', 'msg-body');
    var head = el('div', 'msg-head');
    head.appendChild(el('span', 'msg-author', ui.snap.bot.name));
    head.appendChild(el('span', 'app-badge', 'APP'));
    body.appendChild(head);
    if (f.comment) body.appendChild(M.render(f.comment, ctxFor({})));
    var card = el('div', 'file-card');
    var link = el('a', 'file-link', '\ud83d\udcce ' + (f.title || f.name));
    link.href = '/console/api/file?id=' + encodeURIComponent(f.id);
    link.setAttribute('download', f.name);
    card.appendChild(link);
    card.appendChild(el('span', 'file-size', ' ' + Math.max(1, Math.round(f.size / 1024)) + ' KB'));
    body.appendChild(card);
    node.appendChild(body);
    return node;
  }

  /** Redraws a list, rebuilding only the messages whose content changed (keeps selects and scroll). */
  function drawList(container, items, cache, where) {
    var atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 120;
    var next = {};
    var users = JSON.stringify(ui.snap.users);
    items.forEach(function (m, i) {
      var key = m.file ? 'f' + m.file.id : (m.ephemeral ? 'e' : 'm') + m.ts;
      var sig = JSON.stringify(m) + users;
      var entry = cache[key];
      if (!entry || entry.sig !== sig) entry = { sig: sig, node: m.file ? fileNode(m.file) : messageNode(m, where) };
      next[key] = entry;
      if (container.children[i] !== entry.node) container.insertBefore(entry.node, container.children[i] || null);
    });
    while (container.children.length > items.length) container.removeChild(container.lastChild);
    if (atBottom || !container.dataset.drawn) container.scrollTop = container.scrollHeight;
    container.dataset.drawn = '1';
    return next;
  }

  function drawChannel() {
    var snap = ui.snap;
    var items = snap.messages.slice();
    snap.ephemerals.forEach(function (e) {
      if (!e.threadTs) items.push(Object.assign({ ephemeral: true }, e));
    });
    items.sort(function (a, b) { return compareTs(a.ts, b.ts); });
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
    ui.nodes = drawList(timeline, items, ui.nodes, 'channel');
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
    items.sort(function (a, b) { return compareTs(a.ts, b.ts); });
    ui.threadNodes = drawList($('thread'), items, ui.threadNodes, 'thread');
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

  /** Values typed into a view, to carry over when the bot updates it (as Slack keeps them). */
  function typedValues(root) {
    var kept = {};
    root.querySelectorAll('input.bk-text, textarea.bk-text').forEach(function (i) {
      kept[i.dataset.blockId + '/' + i.dataset.actionId] = i.value;
    });
    return kept;
  }

  function drawModal() {
    var view = ui.snap.modal;
    var root = $('modal-root');
    if (!view) {
      root.textContent = '';
      ui.modalKey = null;
      return;
    }
    var key = view.id + '@' + view.hash;
    if (key === ui.modalKey) return;
    var kept = ui.modalKey && ui.modalKey.split('@')[0] === view.id ? typedValues(root) : {};
    ui.modalKey = key;
    root.textContent = '';
    var backdrop = el('div', 'overlay');
    var modal = el('div', 'modal');
    modal.setAttribute('role', 'dialog');
    modal.setAttribute('aria-modal', 'true');
    modal.dataset.viewId = view.id;
    modal.dataset.callbackId = view.callback_id || '';
    var header = el('div', 'modal-header');
    if (ui.snap.modalDepth > 1) header.appendChild(el('span', 'modal-depth', '\u2039'));
    header.appendChild(el('h2', 'modal-title', B.plain(view.title)));
    var x = el('button', 'modal-x', '\u00d7');
    x.type = 'button';
    x.setAttribute('aria-label', 'Close');
    header.appendChild(x);
    modal.appendChild(header);
    var body = el('div', 'modal-body');
    var ctx = ctxFor({
      onAction: function (action) {
        api('action', { where: 'view', viewId: view.id, action: action, state: B.collectState(body) });
      }
    });
    body.appendChild(B.render(view.blocks, ctx));
    body.querySelectorAll('input.bk-text, textarea.bk-text').forEach(function (i) {
      var k = i.dataset.blockId + '/' + i.dataset.actionId;
      if (Object.prototype.hasOwnProperty.call(kept, k)) i.value = kept[k];
    });
    modal.appendChild(body);
    var footer = el('div', 'modal-footer');
    var close = el('button', 'bk-btn modal-close', B.plain(view.close) || 'Cancel');
    close.type = 'button';
    footer.appendChild(close);
    function closeModal() {
      api('close', { viewId: view.id, state: B.collectState(body) });
    }
    close.addEventListener('click', closeModal);
    x.addEventListener('click', closeModal);
    if (view.submit) {
      var submit = el('button', 'bk-btn bk-primary modal-submit', B.plain(view.submit));
      submit.type = 'submit';
      footer.appendChild(submit);
      var form = el('form', 'modal-form');
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (submit.disabled) return;
        submit.disabled = true;
        api('submit', { viewId: view.id, state: B.collectState(body) }).then(function (reply) {
          submit.disabled = false;
          B.showErrors(body, reply.ok ? reply.errors || {} : {});
        });
      });
      form.appendChild(body);
      form.appendChild(footer);
      modal.appendChild(form);
    } else {
      modal.appendChild(footer);
    }
    backdrop.appendChild(modal);
    root.appendChild(backdrop);
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
    ui.dmNodes = drawList(box, items, ui.dmNodes || {}, 'dm');
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

  function drawFrame() {
    var snap = ui.snap;
    $('team-name').textContent = snap.team.name;
    $('nav-channel').textContent = '# ' + snap.channel.name;
    $('nav-home').textContent = snap.bot.name;
    $('me').textContent = snap.me.name;
    $('main-title').textContent = ui.tab === 'channel' ? '# ' + snap.channel.name : snap.bot.name;
    $('channel-view').hidden = ui.tab !== 'channel';
    $('home-view').hidden = ui.tab === 'channel';
    $('home').hidden = ui.tab !== 'home';
    $('dm').hidden = ui.tab !== 'messages';
    $('tab-home').classList.toggle('active', ui.tab === 'home');
    $('tab-messages').classList.toggle('active', ui.tab === 'messages');
    $('nav-channel').classList.toggle('active', ui.tab === 'channel');
    $('nav-home').classList.toggle('active', ui.tab !== 'channel');
  }

  function draw() {
    drawFrame();
    drawChannel();
    drawThread();
    drawDirect();
    drawHome();
    drawModal();
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
    fetch('/console/api/state?since=' + ui.version + '&thread=' + encodeURIComponent(thread),
      { signal: controller.signal, cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (snap) {
        setConnection(true);
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
    api('command', { text: line.slice(COMMAND.length).trim() });
  }

  $('nav-channel').addEventListener('click', function (ev) { ev.preventDefault(); showTab('channel'); });
  $('nav-home').addEventListener('click', function (ev) { ev.preventDefault(); showTab('home'); });
  $('tab-home').addEventListener('click', function () { showTab('home'); });
  $('tab-messages').addEventListener('click', function () { showTab('messages'); });
  $('thread-close').addEventListener('click', closeThread);
  $('composer').addEventListener('submit', sendCommand);
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && ui.snap && ui.snap.modal && !document.querySelector('.confirm-backdrop')) {
      api('close', { viewId: ui.snap.modal.id, state: {} });
    }
  });
  loop();
})();
