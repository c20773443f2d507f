// The top modal of the user's stack: inputs, inline errors, Close and Submit.
(function () {
  'use strict';
  var M = window.Mrkdwn;
  var B = window.Blocks;
  var el = M.element;

  /** env: snap() the current snapshot, ctxFor(extra), api(path, body). */
  function create(env) {
    var ui = { modalKey: null };
    function $(id) { return document.getElementById(id); }

    /** Values typed into a view, to carry over when the bot updates it (as Slack keeps them). */
    function typedValues(root) {
      var kept = {};
      root.querySelectorAll('input.bk-text, textarea.bk-text').forEach(function (i) {
        kept[i.dataset.blockId + '/' + i.dataset.actionId] = i.value;
      });
      return kept;
    }

    function drawModal() {
      var view = env.snap().modal;
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
      if (env.snap().modalDepth > 1) header.appendChild(el('span', 'modal-depth', '\u2039'));
      header.appendChild(el('h2', 'modal-title', B.plain(view.title)));
      var x = el('button', 'modal-x', '\u00d7');
      x.type = 'button';
      x.setAttribute('aria-label', 'Close');
      header.appendChild(x);
      modal.appendChild(header);
      var body = el('div', 'modal-body');
      var ctx = env.ctxFor({
        onAction: function (action) {
          env.api('action', { where: 'view', viewId: view.id, action: action, state: B.collectState(body) });
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
        env.api('close', { viewId: view.id, state: B.collectState(body) });
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
          var missing = B.missingRequired(body);
          if (Object.keys(missing).length) {
            B.showErrors(body, missing);
            return;
          }
          submit.disabled = true;
          env.api('submit', { viewId: view.id, state: B.collectState(body) }).then(function (reply) {
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


    return { draw: drawModal };
  }

  window.Modal = { create: create };
})();
