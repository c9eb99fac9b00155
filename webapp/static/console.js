/*
 * ivr-gateway console: keeps a page live without reloading it.
 * - Counts up every <time data-since> each second (clock offset taken from the server's data-now).
 * - Listens to /console/events (server-sent events; a long-poll of the same URL when the stream never
 *   opens, e.g. behind a buffering proxy) and, when the contact center changed, fetches the page's
 *   live fragment (data-live) and swaps it in, keeping the keyboard focus and text being typed.
 */
(function () {
  'use strict';
  var body = document.body;
  var offset = Number(body.getAttribute('data-now') || Date.now()) - Date.now();
  var eventsUrl = body.getAttribute('data-events');
  var version = body.getAttribute('data-version') || '';
  var status = document.getElementById('connection');

  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function duration(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return h > 0 ? h + ':' + pad(m) + ':' + pad(s % 60) : m + ':' + pad(s % 60);
  }
  function tick() {
    var now = Date.now() + offset;
    var clocks = document.querySelectorAll('[data-since]');
    for (var i = 0; i < clocks.length; i++) {
      var since = Number(clocks[i].getAttribute('data-since'));
      if (since) clocks[i].textContent = duration((now - since) / 1000);
    }
  }
  setInterval(tick, 1000);

  var flash = document.getElementById('flash');
  if (flash) flash.focus();

  var region = document.getElementById('live');
  if (!region || !eventsUrl) return;
  var announcer = document.getElementById('announcer');
  var pending = false;

  function say(text) { if (status) status.textContent = text; }

  function typing() {
    var el = document.activeElement;
    return el && region.contains(el) && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName);
  }

  function refresh() {
    if (typing()) {
      // never wipe what someone is typing: refresh once they leave the field
      if (!pending) {
        pending = true;
        document.activeElement.addEventListener('blur', function () { pending = false; refresh(); });
      }
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('GET', region.getAttribute('data-live'));
    xhr.onload = function () {
      if (xhr.status !== 200) return;
      var focused = document.activeElement && document.activeElement.id;
      var before = announcement();
      region.innerHTML = xhr.responseText;
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      var after = announcement();
      if (announcer && after && after !== before) announcer.textContent = after;
      tick();
    };
    xhr.send();
  }

  function announcement() {
    var parts = region.querySelectorAll('[data-announce]');
    var text = [];
    for (var i = 0; i < parts.length; i++) text.push(parts[i].textContent.replace(/\s+/g, ' ').trim());
    return text.join('. ');
  }

  function changed(next) {
    if (!next || next === version) return;
    version = next;
    refresh();
  }

  function lastId(text) {
    var lines = text.split('\n'), id = null;
    for (var i = 0; i < lines.length; i++) {
      if (lines[i].indexOf('id: ') === 0) id = lines[i].substring(4);
    }
    return id;
  }

  function longPoll() {
    say('Live (polling)');
    var xhr = new XMLHttpRequest();
    xhr.open('GET', eventsUrl + '?once=1&after=' + encodeURIComponent(version));
    xhr.onload = function () {
      if (xhr.status === 200) {
        changed(lastId(xhr.responseText));
        setTimeout(longPoll, 0);
      } else {
        say('Reconnecting…');
        setTimeout(longPoll, 2000);
      }
    };
    xhr.onerror = function () { say('Reconnecting…'); setTimeout(longPoll, 2000); };
    xhr.send();
  }

  function stream() {
    var opened = false;
    var source;
    try {
      source = new EventSource(eventsUrl + '?after=' + encodeURIComponent(version));
    } catch (e) {
      longPoll();
      return;
    }
    source.onopen = function () { opened = true; say('Live'); };
    source.onerror = function () { if (opened) say('Reconnecting…'); };
    source.addEventListener('snapshot', function (e) { opened = true; say('Live'); changed(e.lastEventId); });
    setTimeout(function () {
      if (!opened) {
        if (typeof source.close === 'function') source.close();
        longPoll();
      }
    }, 2500);
  }

  if (typeof window.EventSource === 'function') stream(); else longPoll();
})();
