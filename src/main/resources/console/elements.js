// Block Kit elements → DOM: buttons, overflow menus, selects, inputs and confirmation dialogs.
// Interactive elements call ctx.onAction(action); stateful ones expose el.bkState() for state.values.
(function () {
  'use strict';
  var M = window.Mrkdwn;
  var el = M.element;
  var radioGroups = 0;
  var MAX_UPLOAD = 1000000;

  function textNode(t, ctx) {
    if (!t) return document.createTextNode('');
    if (typeof t === 'string') return document.createTextNode(t);
    if (t.type === 'mrkdwn') return M.render(t.text, ctx);
    return document.createTextNode(t.emoji === false ? t.text : M.emojify(t.text || ''));
  }

  function plain(t) {
    return t ? (typeof t === 'string' ? t : M.emojify(t.text || '')) : '';
  }

  /** Asks for confirmation when the element has a `confirm` object, then runs `proceed`. */
  function withConfirm(confirm, ctx, proceed, cancel) {
    if (!confirm) {
      proceed();
      return;
    }
    var backdrop = el('div', 'overlay confirm-backdrop');
    var box = el('div', 'bk-confirm');
    box.setAttribute('role', 'alertdialog');
    box.appendChild(el('h3', null, plain(confirm.title) || 'Are you sure?'));
    var body = el('div', 'bk-confirm-text');
    body.appendChild(textNode(confirm.text, ctx));
    box.appendChild(body);
    var buttons = el('div', 'bk-confirm-buttons');
    var no = el('button', 'bk-btn bk-confirm-no', plain(confirm.deny) || 'Cancel');
    var yes = el('button', 'bk-btn bk-confirm-yes ' + (confirm.style === 'danger' ? 'bk-danger' : 'bk-primary'),
      plain(confirm.confirm) || 'Yes');
    no.type = yes.type = 'button';
    no.addEventListener('click', function () { backdrop.remove(); if (cancel) cancel(); });
    yes.addEventListener('click', function () { backdrop.remove(); proceed(); });
    buttons.appendChild(no);
    buttons.appendChild(yes);
    box.appendChild(buttons);
    backdrop.appendChild(box);
    document.body.appendChild(backdrop);
    yes.focus();
  }

  function option(o) {
    var out = { text: o.text, value: o.value };
    if (o.description) out.description = o.description;
    return out;
  }

  function stateful(node, blockId, actionId, read) {
    node.classList.add('bk-input');
    node.dataset.blockId = blockId;
    node.dataset.actionId = actionId;
    node.bkState = read;
    return node;
  }

  function button(e, blockId, ctx) {
    var b = el('button', 'bk-btn' + (e.style ? ' bk-' + e.style : ''));
    b.type = 'button';
    b.dataset.actionId = e.action_id || '';
    if (e.value != null) b.dataset.value = e.value;
    b.appendChild(textNode(e.text, ctx));
    if (e.url) b.classList.add('bk-url');
    b.addEventListener('click', function () {
      var action = { type: 'button', action_id: e.action_id, block_id: blockId, text: e.text };
      if (e.value != null) action.value = e.value;
      if (e.style) action.style = e.style;
      withConfirm(e.confirm, ctx, function () {
        if (e.url && /^https?:/i.test(e.url)) window.open(e.url, '_blank', 'noopener');
        ctx.onAction(action);
      });
    });
    return b;
  }

  function overflow(e, blockId, ctx) {
    var wrap = el('span', 'bk-overflow');
    var toggle = el('button', 'bk-btn bk-overflow-toggle', '\u22ee');
    toggle.type = 'button';
    toggle.dataset.actionId = e.action_id || '';
    toggle.setAttribute('aria-label', 'More actions');
    var menu = el('div', 'bk-menu');
    menu.hidden = true;
    (e.options || []).forEach(function (o) {
      var item = el('button', 'bk-menu-item');
      item.type = 'button';
      item.dataset.value = o.value;
      item.appendChild(textNode(o.text, ctx));
      item.addEventListener('click', function () {
        menu.hidden = true;
        withConfirm(e.confirm, ctx, function () {
          if (o.url && /^https?:/i.test(o.url)) window.open(o.url, '_blank', 'noopener');
          ctx.onAction({ type: 'overflow', action_id: e.action_id, block_id: blockId, selected_option: option(o) });
        });
      });
      menu.appendChild(item);
    });
    toggle.addEventListener('click', function (ev) {
      ev.stopPropagation();
      var open = menu.hidden;
      document.querySelectorAll('.bk-menu').forEach(function (m) { m.hidden = true; });
      menu.hidden = !open;
    });
    wrap.appendChild(toggle);
    wrap.appendChild(menu);
    return wrap;
  }

  document.addEventListener('click', function () {
    document.querySelectorAll('.bk-menu').forEach(function (m) { m.hidden = true; });
  });

  /** Every option of a select with its group, in order. */
  function selectOptions(e, ctx) {
    if (/users_select$/.test(e.type)) {
      return Object.keys(ctx.users || {}).filter(function (id) { return !ctx.users[id].bot; })
        .sort(function (a, b) { return ctx.users[a].name.localeCompare(ctx.users[b].name); })
        .map(function (id) { return { value: id, text: { type: 'plain_text', text: ctx.users[id].name } }; });
    }
    if (/(conversations|channels)_select$/.test(e.type)) {
      return Object.keys(ctx.channels || {}).map(function (id) {
        return { value: id, text: { type: 'plain_text', text: '#' + ctx.channels[id] } };
      });
    }
    var all = [];
    (e.options || []).forEach(function (o) { all.push(o); });
    (e.option_groups || []).forEach(function (g) {
      (g.options || []).forEach(function (o) { all.push(Object.assign({ group: plain(g.label) }, o)); });
    });
    return all;
  }

  function initialValues(e) {
    if (e.initial_user) return [e.initial_user];
    if (e.initial_users) return e.initial_users;
    if (e.initial_conversation) return [e.initial_conversation];
    if (e.initial_channel) return [e.initial_channel];
    if (e.initial_option) return [e.initial_option.value];
    if (e.initial_options) return e.initial_options.map(function (o) { return o.value; });
    return [];
  }

  function select(e, blockId, ctx, dispatch) {
    var multi = /^multi_/.test(e.type);
    var s = el('select', 'bk-select');
    s.multiple = multi;
    var opts = selectOptions(e, ctx);
    var chosen = initialValues(e);
    if (!multi) {
      var ph = el('option', null, plain(e.placeholder) || 'Select an item');
      ph.value = '';
      ph.disabled = true;
      ph.selected = chosen.length === 0;
      s.appendChild(ph);
    }
    opts.forEach(function (o) {
      var node = el('option', null, (o.group ? o.group + ' \u203a ' : '') + plain(o.text));
      node.value = o.value;
      node.selected = chosen.indexOf(o.value) >= 0;
      s.appendChild(node);
    });
    var byValue = {};
    opts.forEach(function (o) { byValue[o.value] = o; });
    function selected() {
      return Array.prototype.filter.call(s.options, function (o) { return o.selected && o.value !== ''; })
        .map(function (o) { return o.value; });
    }
    function value() {
      var v = selected();
      var out = { type: e.type };
      if (e.type === 'users_select') out.selected_user = v[0] || null;
      else if (e.type === 'multi_users_select') out.selected_users = v;
      else if (e.type === 'conversations_select') out.selected_conversation = v[0] || null;
      else if (e.type === 'channels_select') out.selected_channel = v[0] || null;
      else if (e.type === 'multi_conversations_select') out.selected_conversations = v;
      else if (e.type === 'multi_channels_select') out.selected_channels = v;
      else if (multi) out.selected_options = v.map(function (x) { return option(byValue[x]); });
      else out.selected_option = v.length ? option(byValue[v[0]]) : null;
      return out;
    }
    stateful(s, blockId, e.action_id, value);
    if (dispatch) {
      var previous = selected();
      s.addEventListener('change', function () {
        withConfirm(e.confirm, ctx, function () {
          previous = selected();
          ctx.onAction(Object.assign(value(), { action_id: e.action_id, block_id: blockId }));
        }, function () {
          Array.prototype.forEach.call(s.options, function (o) { o.selected = previous.indexOf(o.value) >= 0; });
        });
      });
    }
    return s;
  }

  function textInput(e, blockId, ctx) {
    var multiline = e.type === 'plain_text_input' && e.multiline;
    var input = el(multiline ? 'textarea' : 'input', 'bk-text');
    if (!multiline) {
      input.type = { email_text_input: 'email', url_text_input: 'url' }[e.type] || 'text';
      if (e.type === 'number_input') input.inputMode = e.is_decimal_allowed ? 'decimal' : 'numeric';
    } else {
      input.rows = 4;
    }
    if (e.placeholder) input.placeholder = plain(e.placeholder);
    if (e.max_length) input.maxLength = e.max_length;
    if (e.initial_value != null) input.value = e.initial_value;
    return stateful(input, blockId, e.action_id, function () {
      return { type: e.type, value: input.value === '' ? null : input.value };
    });
  }

  function picker(e, blockId) {
    var input = el('input', 'bk-text');
    var kinds = { datepicker: ['date', 'initial_date', 'selected_date'], timepicker: ['time', 'initial_time', 'selected_time'] };
    var kind = kinds[e.type];
    input.type = kind[0];
    if (e[kind[1]]) input.value = e[kind[1]];
    return stateful(input, blockId, e.action_id, function () {
      var out = { type: e.type };
      out[kind[2]] = input.value || null;
      return out;
    });
  }

  function choices(e, blockId, ctx, dispatch) {
    var radio = e.type === 'radio_buttons';
    var group = el('div', 'bk-choices');
    var name = 'bk-choice-' + (++radioGroups);
    var initial = initialValues(e);
    var inputs = [];
    (e.options || []).forEach(function (o) {
      var label = el('label', 'bk-choice');
      var input = el('input');
      input.type = radio ? 'radio' : 'checkbox';
      input.name = name;
      input.value = o.value;
      input.checked = initial.indexOf(o.value) >= 0;
      inputs.push({ input: input, option: o });
      label.appendChild(input);
      var text = el('span');
      text.appendChild(textNode(o.text, ctx));
      if (o.description) {
        var d = el('span', 'bk-choice-description');
        d.appendChild(textNode(o.description, ctx));
        text.appendChild(d);
      }
      label.appendChild(text);
      group.appendChild(label);
    });
    function value() {
      var picked = inputs.filter(function (x) { return x.input.checked; }).map(function (x) { return option(x.option); });
      return radio ? { type: e.type, selected_option: picked[0] || null } : { type: e.type, selected_options: picked };
    }
    stateful(group, blockId, e.action_id, value);
    if (dispatch) {
      group.addEventListener('change', function () {
        ctx.onAction(Object.assign(value(), { action_id: e.action_id, block_id: blockId }));
      });
    }
    return group;
  }

  /** Uploads each picked file to the console (as Slack stores files people attach) and keeps their descriptions. */
  function fileInput(e, blockId) {
    var box = el('div', 'bk-file-box');
    var input = el('input', 'bk-file');
    input.type = 'file';
    if (e.filetypes) input.accept = e.filetypes.map(function (t) { return '.' + t; }).join(',');
    input.multiple = (e.max_files || 10) > 1;
    var status = el('div', 'bk-file-status');
    var files = [];
    input.addEventListener('change', function () {
      files = [];
      status.textContent = '';
      Array.prototype.forEach.call(input.files, function (f) {
        if (f.size > MAX_UPLOAD) {
          status.textContent = f.name + ' is over 1 MB, the most this console takes.';
          return;
        }
        fetch('/console/api/attach?name=' + encodeURIComponent(f.name) + '&type=' + encodeURIComponent(f.type || ''),
          { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: f })
          .then(function (r) { return r.json(); })
          .then(function (reply) {
            if (reply.ok) files.push(reply.file);
            status.textContent = files.map(function (x) { return '\ud83d\udcce ' + x.name; }).join('  ');
          }, function () { status.textContent = 'Could not attach ' + f.name + '.'; });
      });
    });
    box.appendChild(input);
    box.appendChild(status);
    return stateful(box, blockId, e.action_id, function () {
      return { type: 'file_input', files: files.slice() };
    });
  }

  function image(e) {
    var box = el('span', 'bk-image', e.alt_text ? '\ud83d\uddbc ' + e.alt_text : '\ud83d\uddbc');
    box.title = e.alt_text || '';
    return box;
  }

  /** One element; `dispatch` says whether changing it sends block_actions (actions blocks, accessories). */
  function element(e, blockId, ctx, dispatch) {
    switch (e.type) {
      case 'button': return button(e, blockId, ctx);
      case 'overflow': return overflow(e, blockId, ctx);
      case 'image': return image(e);
      case 'plain_text_input': case 'number_input': case 'email_text_input': case 'url_text_input':
        return textInput(e, blockId, ctx);
      case 'datepicker': case 'timepicker': return picker(e, blockId);
      case 'radio_buttons': case 'checkboxes': return choices(e, blockId, ctx, dispatch);
      case 'file_input': return fileInput(e, blockId);
      default:
        if (/select$/.test(e.type)) return select(e, blockId, ctx, dispatch);
        return el('span', 'bk-unsupported', '[' + e.type + ']');
    }
  }

  window.Elements = { element: element, image: image, textNode: textNode, plain: plain, withConfirm: withConfirm };
})();
