"""Unit tests of the pure search-index preparation (no MkDocs)."""

from __future__ import annotations

import json

from handbook_build import search_text
from handbook_build.search_text import SearchDoc, build_index, han_runs, han_terms, html_to_text, segment_runs, vocabulary


def test_html_to_text_drops_furniture_and_keeps_words_apart():
    markup = (
        '<h2 id="x">位置编码<a class="headerlink" href="#x">¶</a></h2>'
        '<div class="hb-meta">难度 medium</div><p class="hb-asked">km1994</p>'
        "<p>RoPE&nbsp;&amp; ALiBi</p><ul><li>one</li><li>two</li></ul><script>alert(1)</script>"
    )
    text = html_to_text(markup)
    assert text == "位置编码 RoPE & ALiBi one two"
    assert "¶" not in text and "medium" not in text and "km1994" not in text and "alert" not in text


def test_han_runs_are_normalised_distinct_and_at_least_two_characters():
    runs = han_runs(["旋转位置编码（RoPE）与位置编码", "一 个", "⾔语"])  # ⾔ is a Kangxi radical, NFKC → 言
    assert runs == {"旋转位置编码", "与位置编码", "言语"}


def test_han_runs_cache_keys_are_small_and_runs_are_shared():
    text = "缓存测试：注意力机制" + "x" * 10_000
    other = "另一段：注意力机制"
    han_runs([text, other])
    assert search_text.fingerprint(text) in search_text.RUNS_BY_TEXT
    assert text not in search_text.RUNS_BY_TEXT  # the long text itself is not kept alive
    first = search_text.RUNS_BY_TEXT[search_text.fingerprint(text)]
    second = search_text.RUNS_BY_TEXT[search_text.fingerprint(other)]
    shared = [r for r in first if r == "注意力机制"][0]
    assert any(r is shared for r in second)  # interned: one string object for both answers


def test_han_terms_keep_short_han_runs_of_titles_and_tags():
    assert han_terms(["LoRA 微调", "什么是灾难性遗忘？", "一", "这是一个特别特别长的标题片段"]) == {"微调", "什么是灾难性遗忘"}


def test_segment_runs_uses_user_terms_and_keeps_only_han_words():
    plain = segment_runs(["旋转位置编码"], set())
    with_term = segment_runs(["旋转位置编码"], {"旋转位置编码"})
    assert "旋转位置编码" not in plain["旋转位置编码"]
    assert "旋转位置编码" in with_term["旋转位置编码"]
    assert all(len(w) >= 2 for w in with_term["旋转位置编码"])
    assert segment_runs([], set()) == {}


def test_vocabulary_is_sorted_and_distinct():
    assert vocabulary([("位置", "编码"), ("编码", "旋转")]) == ["位置", "旋转", "编码"]


def test_index_head_has_no_page_text_and_shards_hold_it_in_order(monkeypatch):
    monkeypatch.setattr(search_text, "SHARD_BYTES", 30)
    docs = [SearchDoc(f"q{i}/", f"标题 {i}", f"正文{i} " * 5, ["tag"]) for i in range(4)]
    docs.append(SearchDoc("t/", "主题", "介绍", kind="topic"))
    head, files = build_index(docs, ["正文"], "zh")
    assert head["docs"][0] == {"location": "q0/", "title": "标题 0", "kind": "question"}
    assert head["docs"][-1]["kind"] == "topic"
    assert "正文" not in json.dumps(head, ensure_ascii=False)
    shards = head["config"]["shards"]
    assert len(shards) > 1
    texts = [entry for name in shards for entry in json.loads(files[name])]
    assert texts == [[d.text, d.tags] for d in docs]
    starts = head["config"]["shardStarts"]
    assert len(starts) == len(shards) and starts[0] == 0
    for name, start in zip(shards, starts, strict=True):  # each shard says which pages it holds
        assert json.loads(files[name])[0] == [docs[start].text, docs[start].tags]
    assert json.loads(files[head["config"]["vocab"]]) == ["正文"]


def test_index_files_are_content_addressed():
    docs = [SearchDoc("a/", "A", "alpha")]
    _, first = build_index(docs, [], "en")
    _, same = build_index(docs, [], "en")
    _, changed = build_index([SearchDoc("a/", "A", "beta")], [], "en")
    assert first == same
    assert set(first) != set(changed)
    _, empty = build_index([], [], "en")
    assert len(empty) == 2  # one (empty) text shard and the vocabulary: the worker always finds its files
    head, _ = build_index([], [], "en")
    assert head["config"]["shardStarts"] == [0]
