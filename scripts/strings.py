"""Interface strings of our own components, per language. Material translates its own."""
from __future__ import annotations

STRINGS = {
    "sv": {
        "untranslated_title": "Inte översatt ännu",
        "untranslated_text": "Den här sidan finns ännu inte på engelska och visas därför på svenska.",
        "sources": "Källor",
        "reading_time": "Lästid: cirka {n} min",
        "owner": "Ansvarig",
        "reviewed": "Senast granskad",
        "next_review": "Nästa granskning",
        "review_due": "Granskning försenad",
        "quick_exit": "Lämna sidan snabbt",
        "quick_exit_hint": "Tryck Skift tre gånger för att lämna sidan.",
        "edit": "Redigera sidan",
        "permalink": "Länk till det här avsnittet",
        "report_error": "Rapportera fel i innehållet",
        "page_meta": "Om sidan",
        "topic_index": "Ämnen A–Ö",
        "search_loading": "Söker …",
        "search_failed": "Sökningen kunde inte laddas. Använd ämnesregistret A–Ö i stället.",
        "search_more": "Visa fler träffar",
        "search_hint": "Pil nedåt går till träffarna, Esc stänger.",
        "search_results": "Sökträffar",
        "search_section": "Avsnitt",
    },
    "en": {
        "untranslated_title": "Not translated yet",
        "untranslated_text": "This page has not been translated into English yet and is shown in Swedish.",
        "sources": "Sources",
        "reading_time": "Reading time: about {n} min",
        "owner": "Owner",
        "reviewed": "Last reviewed",
        "next_review": "Next review",
        "review_due": "Review overdue",
        "quick_exit": "Leave this page quickly",
        "quick_exit_hint": "Press Shift three times to leave this page.",
        "edit": "Edit this page",
        "permalink": "Link to this section",
        "report_error": "Report an error in the content",
        "page_meta": "About this page",
        "topic_index": "Topics A–Z",
        "search_loading": "Searching …",
        "search_failed": "The search could not be loaded. Use the topic index A–Z instead.",
        "search_more": "Show more results",
        "search_hint": "Arrow down moves to the results, Esc closes.",
        "search_results": "Search results",
        "search_section": "Section",
    },
}


def lookup(table: dict, lang: str, key: str, **kw):
    """A string from a {lang: {key: text}} table, Swedish when the language is missing; formatted with kw."""
    value = table.get(lang, table["sv"])[key]
    return value.format(**kw) if kw else value


def t(lang: str, key: str, **kw) -> str:
    return lookup(STRINGS, lang, key, **kw)
