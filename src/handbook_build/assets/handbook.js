/*
 * Reader tools: practice mode, progress, random question. State lives in localStorage only
 * (no account); the two editions share it because they share an origin and question ids.
 */
(function () {
  "use strict";
  var zh = (document.documentElement.lang || "zh").indexOf("zh") === 0;
  var T = zh ? {
    practice: "练习模式", practiceOn: "练习模式：开", show: "显示答案", hide: "收起答案",
    mastered: "已掌握", review: "待复习", random: "随机一题", reset: "重置本主题进度",
    summary: function (m, r, n) { return "已掌握 " + m + " / " + n + "，待复习 " + r; },
    resetConfirm: "清除本主题的学习进度？"
  } : {
    practice: "Practice mode", practiceOn: "Practice mode: on", show: "Show answer", hide: "Hide answer",
    mastered: "Mastered", review: "To review", random: "Random question", reset: "Reset this topic",
    summary: function (m, r, n) { return m + " / " + n + " mastered, " + r + " to review"; },
    resetConfirm: "Clear your progress in this topic?"
  };

  function read(key, fallback) {
    try { var v = localStorage.getItem(key); return v === null ? fallback : JSON.parse(v); }
    catch (e) { return fallback; }
  }
  function write(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  var base = ".";
  try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; } catch (e) { /* default */ }

  /* Header buttons: practice switch and random question. */
  var header = document.querySelector(".md-header__inner");
  var practice = !!read("hb-practice", false);
  if (header) {
    var tools = el("div", "hb-header-tools");
    var toggle = el("button", "hb-practice-toggle md-header__button", practice ? T.practiceOn : T.practice);
    toggle.type = "button";
    toggle.setAttribute("aria-pressed", String(practice));
    toggle.addEventListener("click", function () {
      practice = !practice;
      write("hb-practice", practice);
      toggle.textContent = practice ? T.practiceOn : T.practice;
      toggle.setAttribute("aria-pressed", String(practice));
      applyPractice();
    });
    var random = el("button", "hb-random md-header__button", T.random);
    random.type = "button";
    random.addEventListener("click", function () {
      fetch(base + "/search/search_index.json").then(function (r) { return r.json(); }).then(function (index) {
        var questions = index.docs.filter(function (d) { return d.kind === "question"; });
        if (!questions.length) return;
        var pick = questions[Math.floor(Math.random() * questions.length)];
        location.href = base + "/" + pick.location;
      });
    });
    tools.appendChild(toggle);
    tools.appendChild(random);
    var search = header.querySelector(".md-search");
    header.insertBefore(tools, search || null);
  }

  /* Search: once a reader starts typing into the search box (the first letter, or the first
     pinyin key of an IME composition, long before the query is committed), tell this edition's
     search worker (assets/search-worker.js) to fetch page text, so that a query found only in
     page text need not wait for the download after the last keystroke. Opening a page, or just
     focusing the box, downloads no page text. */
  if ("BroadcastChannel" in window) {
    var searchChannel = new BroadcastChannel("handbook-search " + new URL(base + "/search/", location.href).href);
    var askForText = function (event) {
      var target = event.target;
      if (target && target.classList && target.classList.contains("md-search__input")) {
        searchChannel.postMessage("prefetch");
        document.removeEventListener("input", askForText, true);
        document.removeEventListener("compositionstart", askForText, true);
      }
    };
    document.addEventListener("input", askForText, true);
    document.addEventListener("compositionstart", askForText, true);
  }

  /* Question pages: wrap the answer so practice mode can fold it. */
  var printPage = !!document.querySelector(".hb-print-page");
  var meta = document.querySelector(".hb-meta[data-qid]");
  var answer = null, reveal = null;
  if (meta && !printPage) {
    var start = document.querySelector(".hb-answer-start");
    var end = document.querySelector(".hb-answer-end");
    if (start && end && start.parentNode === end.parentNode) {
      answer = el("div", "hb-answer");
      while (start.nextSibling && start.nextSibling !== end) answer.appendChild(start.nextSibling);
      start.parentNode.insertBefore(answer, end);
      reveal = el("button", "hb-reveal md-button md-button--primary", T.show);
      reveal.type = "button";
      reveal.addEventListener("click", function () {
        var folded = answer.classList.toggle("hb-folded");
        reveal.textContent = folded ? T.show : T.hide;
      });
      start.parentNode.insertBefore(reveal, answer);
    }
  }
  function applyPractice() {
    document.documentElement.classList.toggle("hb-practice", practice);
    if (!answer) return;
    answer.classList.toggle("hb-folded", practice);
    reveal.hidden = !practice;
    reveal.textContent = practice ? T.show : T.hide;
  }
  applyPractice();

  /* Progress: mastered / to review, per question id. */
  var progress = read("hb-progress", {});
  if (meta && !printPage) {
    var qid = meta.getAttribute("data-qid");
    var bar = el("div", "hb-progress-controls");
    [["mastered", T.mastered], ["review", T.review]].forEach(function (pair) {
      var button = el("button", "hb-mark hb-mark--" + pair[0] + " md-button", pair[1]);
      button.type = "button";
      button.setAttribute("data-status", pair[0]);
      button.setAttribute("aria-pressed", String(progress[qid] === pair[0]));
      button.addEventListener("click", function () {
        progress = read("hb-progress", {});
        if (progress[qid] === pair[0]) delete progress[qid]; else progress[qid] = pair[0];
        write("hb-progress", progress);
        bar.querySelectorAll("button").forEach(function (b) {
          b.setAttribute("aria-pressed", String(progress[qid] === b.getAttribute("data-status")));
        });
      });
      bar.appendChild(button);
    });
    meta.parentNode.insertBefore(bar, meta.nextSibling);
  }

  /* Tables of contents: status per row and a summary with a reset. */
  var rows = document.querySelectorAll(".hb-progress[data-qid]");
  var summary = document.querySelector(".hb-topic-progress");
  function paintToc() {
    var mastered = 0, review = 0;
    rows.forEach(function (row) {
      var status = progress[row.getAttribute("data-qid")] || "";
      row.className = "hb-progress" + (status ? " hb-progress--" + status : "");
      row.textContent = status === "mastered" ? "✓ " : status === "review" ? "↻ " : "";
      row.title = status === "mastered" ? T.mastered : status === "review" ? T.review : "";
      if (status === "mastered") mastered++;
      if (status === "review") review++;
    });
    if (summary) summary.textContent = T.summary(mastered, review, rows.length);
  }
  if (rows.length) {
    paintToc();
    if (summary) {
      var reset = el("button", "hb-reset md-button", T.reset);
      reset.type = "button";
      reset.addEventListener("click", function () {
        if (!window.confirm(T.resetConfirm)) return;
        progress = read("hb-progress", {});
        rows.forEach(function (row) { delete progress[row.getAttribute("data-qid")]; });
        write("hb-progress", progress);
        paintToc();
      });
      summary.parentNode.appendChild(reset);
    }
  }
})();
