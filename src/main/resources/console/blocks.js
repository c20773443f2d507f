// Block Kit layout blocks → DOM. Renders only what the bot sent; elements come from elements.js.
(function () {
  'use strict';
  var M = window.Mrkdwn;
  var E = window.Elements;
  var el = M.element;
  var element = E.element;
  var image = E.image;
  var textNode = E.textNode;
  var plain = E.plain;

  function section(b, id, ctx) {
    var node = el('div', 'bk-section');
    var main = el('div', 'bk-section-main');
    if (b.text) {
      var t = el('div', 'bk-section-text');
      t.appendChild(textNode(b.text, ctx));
      main.appendChild(t);
    }
    if (b.fields && b.fields.length) {
      var fields = el('div', 'bk-fields');
      b.fields.forEach(function (f) {
        var cell = el('div', 'bk-field');
        cell.appendChild(textNode(f, ctx));
        fields.appendChild(cell);
      });
      main.appendChild(fields);
    }
    node.appendChild(main);
    if (b.accessory) {
      var acc = el('div', 'bk-accessory');
      acc.appendChild(element(b.accessory, id, ctx, true));
      node.appendChild(acc);
    }
    return node;
  }

  function input(b, id, ctx) {
    var node = el('div', 'bk-input-block');
    node.dataset.blockId = id;
    var label = el('label', 'bk-label');
    label.appendChild(textNode(b.label, ctx));
    if (b.optional) label.appendChild(el('span', 'bk-optional', ' (optional)'));
    else node.dataset.required = 'true';
    node.appendChild(label);
    node.appendChild(element(b.element || {}, id, ctx, !!b.dispatch_action));
    if (b.hint) {
      var hint = el('div', 'bk-hint');
      hint.appendChild(textNode(b.hint, ctx));
      node.appendChild(hint);
    }
    var error = el('div', 'bk-error');
    error.setAttribute('role', 'alert');
    error.hidden = true;
    node.appendChild(error);
    return node;
  }

  function richText(b, ctx) {
    var node = el('div', 'bk-rich');
    (b.elements || []).forEach(function (part) {
      var tag = { rich_text_preformatted: 'pre', rich_text_quote: 'blockquote', rich_text_list: 'ul' }[part.type] || 'div';
      var out = el(tag);
      var items = part.type === 'rich_text_list' ? part.elements : [part];
      items.forEach(function (item) {
        var holder = part.type === 'rich_text_list' ? el('li') : out;
        (item.elements || []).forEach(function (r) {
          var text = r.type === 'text' ? r.text : r.type === 'link' ? (r.text || r.url)
            : r.type === 'user' ? '@' + ((ctx.users[r.user_id] || {}).name || r.user_id)
            : r.type === 'emoji' ? M.emojify(':' + r.name + ':') : r.type === 'channel' ? '#' + (ctx.channels[r.channel_id] || r.channel_id) : '';
          var span = el(r.style && r.style.code ? 'code' : 'span', null, text);
          if (r.style && r.style.bold) span.classList.add('b');
          if (r.style && r.style.italic) span.classList.add('i');
          holder.appendChild(span);
        });
        if (holder !== out) out.appendChild(holder);
      });
      node.appendChild(out);
    });
    return node;
  }

  function block(b, index, ctx) {
    var id = b.block_id || ('bk-' + index);
    var node;
    switch (b.type) {
      case 'header':
        node = el('div', 'bk-header');
        node.appendChild(textNode(b.text, ctx));
        break;
      case 'section': node = section(b, id, ctx); break;
      case 'divider': node = el('hr', 'bk-divider'); break;
      case 'context':
        node = el('div', 'bk-context');
        (b.elements || []).forEach(function (e) {
          var part = el('span', 'bk-context-item');
          part.appendChild(e.type === 'image' ? image(e) : textNode(e, ctx));
          node.appendChild(part);
        });
        break;
      case 'actions':
        node = el('div', 'bk-actions');
        (b.elements || []).forEach(function (e) { node.appendChild(element(e, id, ctx, true)); });
        break;
      case 'input': node = input(b, id, ctx); break;
      case 'image':
        node = el('div', 'bk-image-block');
        if (b.title) node.appendChild(el('div', 'bk-image-title', plain(b.title)));
        node.appendChild(image(b));
        break;
      case 'rich_text': node = richText(b, ctx); break;
      default: node = el('div', 'bk-unsupported', '[unsupported block: ' + b.type + ']');
    }
    node.classList.add('bk-block');
    node.dataset.blockType = b.type;
    if (b.block_id) node.dataset.blockId = b.block_id;
    return node;
  }

  /** Renders a list of blocks into a new div. */
  function render(blocks, ctx) {
    var root = el('div', 'blocks');
    (blocks || []).forEach(function (b, i) { root.appendChild(block(b, i, ctx)); });
    return root;
  }

  /** state.values of every stateful element under `root`. */
  function collectState(root) {
    var values = {};
    root.querySelectorAll('.bk-input').forEach(function (node) {
      var b = node.dataset.blockId;
      var a = node.dataset.actionId;
      if (!b || !a || !node.bkState) return;
      values[b] = values[b] || {};
      values[b][a] = node.bkState();
    });
    return values;
  }

  /** Shows `errors` (block_id → message) under their input blocks; clears the others. */
  function showErrors(root, errors) {
    root.querySelectorAll('.bk-input-block').forEach(function (node) {
      var message = errors && errors[node.dataset.blockId];
      var box = node.querySelector('.bk-error');
      box.textContent = message || '';
      box.hidden = !message;
      node.classList.toggle('has-error', !!message);
    });
  }

  function isEmpty(value) {
    if (!value) return true;
    var keys = Object.keys(value).filter(function (k) { return k !== 'type'; });
    return keys.every(function (k) {
      var v = value[k];
      return v === null || v === '' || (Array.isArray(v) && v.length === 0);
    });
  }

  /** Required inputs left empty (block_id → message): Slack's client stops the submission for these. */
  function missingRequired(root) {
    var missing = {};
    root.querySelectorAll('.bk-input-block[data-required]').forEach(function (node) {
      var input = node.querySelector('.bk-input');
      if (input && input.bkState && isEmpty(input.bkState())) missing[node.dataset.blockId] = 'Please fill out this field.';
    });
    return missing;
  }

  window.Blocks = {
    render: render,
    collectState: collectState,
    showErrors: showErrors,
    missingRequired: missingRequired,
    textNode: textNode,
    plain: plain
  };
})();
