// Messages, ephemerals and shared files as Slack draws them, redrawn in place as they change.
(function () {
  'use strict';
  var M = window.Mrkdwn;
  var B = window.Blocks;
  var el = M.element;

  /** env: snap() the current snapshot, ctxFor(extra), api(path, body), openThread(ts). */
  function create(env) {
    function compareTs(a, b) {
      var x = a.split('.'), y = b.split('.');
      return Number(x[0]) - Number(y[0]) || Number(x[1] || 0) - Number(y[1] || 0);
    }

    function timeOf(ts) {
      return new Date(Number(ts.split('.')[0]) * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    }

    function authorOf(m) {
      var snap = env.snap();
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
      var author = m.ephemeral ? { name: env.snap().bot.name, bot: true } : authorOf(m);
      node.appendChild(el('div', 'avatar' + (author.bot ? ' bot' : ''), initials(author.name)));
      var body = el('div', 'msg-body');
      var head = el('div', 'msg-head');
      head.appendChild(el('span', 'msg-author', author.name));
      if (author.bot) head.appendChild(el('span', 'app-badge', 'APP'));
      head.appendChild(el('span', 'msg-time', timeOf(m.ts)));
      if (m.edited) head.appendChild(el('span', 'msg-edited', '(edited)'));
      body.appendChild(head);
      if (m.ephemeral) body.appendChild(el('div', 'only-you', 'Only visible to you'));
      var ctx = env.ctxFor({
        onAction: function (action) {
          var msg = m.ephemeral ? node : node.querySelector('.msg-content');
          env.api('action', {
            where: 'message',
            channel: m.channel || env.snap().channel.id,
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
        link.addEventListener('click', function () { env.openThread(m.ts); });
        body.appendChild(link);
      }
      if (m.ephemeral) {
        var dismiss = el('button', 'dismiss-link', 'Dismiss');
        dismiss.type = 'button';
        dismiss.addEventListener('click', function () { env.api('dismiss', { ts: m.ts }); });
        body.appendChild(dismiss);
      }
      node.appendChild(body);
      return node;
    }

    /** A file the bot shared, with a download link; a PNG (like a report) is also shown inline. */
    function fileNode(f) {
      var node = el('div', 'msg file-share');
      node.dataset.fileId = f.id;
      node.appendChild(el('div', 'avatar bot', initials(env.snap().bot.name)));
      var body = el('div', 'msg-body');
      var head = el('div', 'msg-head');
      head.appendChild(el('span', 'msg-author', env.snap().bot.name));
      head.appendChild(el('span', 'app-badge', 'APP'));
      body.appendChild(head);
      if (f.comment) body.appendChild(M.render(f.comment, env.ctxFor({})));
      if (f.mimetype === 'image/png') {
        var img = el('img', 'file-image');
        img.src = '/console/api/file?id=' + encodeURIComponent(f.id) + '&inline=1';
        img.alt = f.title || f.name;
        body.appendChild(img);
      }
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
      var users = JSON.stringify(env.snap().users);
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

    return { drawList: drawList, compareTs: compareTs };
  }

  window.Messages = { create: create };
})();
