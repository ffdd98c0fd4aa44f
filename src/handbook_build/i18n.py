"""Interface strings of the generated pages, per edition."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "site_title": "大模型面试手册",
        "home_intro": "面向大模型（LLM）与 NLP 算法岗面试的开源问答手册：每道题都有可以直接说出口的核心回答、"
        "推导与公式、代码和常见追问，中英双语。",
        "topics": "主题",
        "description": "简介",
        "questions": "题数",
        "total": "共 {topics} 个主题，{questions} 道题。",
        "topic_count": "本主题共 {count} 道题。",
        "number": "#",
        "question": "问题",
        "difficulty": "难度",
        "tags": "标签",
        "easy": "基础",
        "medium": "中等",
        "hard": "困难",
        "asked_in": "出处",
        "related": "相关问题",
        "referenced_by": "被以下问题引用",
        "broken_title": "这个问题文件有错误，暂时无法发布",
        "problems_title": "这个问题文件有需要修正的问题",
        "broken_intro": "修正下面的问题后重新构建（`handbook check` 会列出全部问题）：",
        "other_language": "English",
    },
    "en": {
        "site_title": "LLM Interview Handbook",
        "home_intro": "An open question-and-answer handbook for LLM and NLP algorithm-engineer interviews: "
        "every question has a core answer you can say aloud, derivations and formulas, code and the "
        "follow-up questions interviewers ask, in Chinese and English.",
        "topics": "Topic",
        "description": "About",
        "questions": "Questions",
        "total": "{topics} topics, {questions} questions.",
        "topic_count": "{count} questions in this topic.",
        "number": "#",
        "question": "Question",
        "difficulty": "Difficulty",
        "tags": "Tags",
        "easy": "Easy",
        "medium": "Medium",
        "hard": "Hard",
        "asked_in": "Asked in",
        "related": "Related questions",
        "referenced_by": "Referenced by",
        "broken_title": "This question file has errors and cannot be published yet",
        "problems_title": "This question file has problems to fix",
        "broken_intro": "Fix the problems below and rebuild (`handbook check` lists them all):",
        "other_language": "中文",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    return STRINGS[lang][key].format(**values) if values else STRINGS[lang][key]
