from handbook_build.schema import check_question_front_matter, check_topic

GOOD = {
    "id": "rope",
    "title": {"zh": "旋转", "en": "Rotation"},
    "difficulty": "hard",
    "tags": ["RoPE"],
    "related": [],
    "asked_in": {"alpha": "1.2", "beta": ["3", "4"]},
}


def messages(problems):
    return [p.format() for p in problems]


def test_valid_front_matter_has_no_problems():
    assert check_question_front_matter(GOOD, "q.md", {}, "rope") == []


def test_typo_key_suggests_the_right_one():
    data = dict(GOOD, titel=GOOD["title"])
    del data["title"]
    found = messages(check_question_front_matter(data, "q.md", {"titel": 3}, "rope"))
    assert "q.md:3: titel: unknown key (did you mean 'title'?)" in found
    assert "q.md:2: title: is missing (add 'title:' to the front matter)" in found


def test_id_must_match_file_name():
    found = messages(check_question_front_matter(GOOD, "other.md", {"id": 2}, "other"))
    assert found == [
        "other.md:2: id: 'rope' does not match the file name 'other.md' (rename the file to 'rope.md' or set 'id: other')"
    ]


def test_wrong_types_are_named():
    data = dict(GOOD, difficulty="impossible", tags="RoPE", related="x", asked_in={"alpha": 15.1})
    found = " | ".join(messages(check_question_front_matter(data, "q.md", {}, "rope")))
    assert "difficulty: 'impossible' is not allowed (use one of: easy, medium, hard)" in found
    assert "tags: must be a list, got text" in found
    assert "related: must be a list of question ids, got text" in found
    assert "asked_in.alpha: label 15.1 is a number" in found


def test_missing_language_in_title():
    data = dict(GOOD, title={"zh": "旋转"})
    found = messages(check_question_front_matter(data, "q.md", {"title": 3}, "rope"))
    assert found == ["q.md:3: title.en: is missing (add the English text as 'en: ...')"]


def test_topic_groups_are_checked():
    topic = {
        "order": "first",
        "title": {"zh": "a", "en": "b"},
        "description": {"zh": "a", "en": "b"},
        "groups": [{"title": {"zh": "g"}, "questions": ["Bad Id"]}],
    }
    found = " | ".join(messages(check_topic(topic, "t.yml", {})))
    assert "order: must be a whole number, got text" in found
    assert "groups[1].title.en: is missing" in found
    assert "groups[1].questions: 'Bad Id' is not a question id" in found
