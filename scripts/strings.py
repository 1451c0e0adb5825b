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
        "quick_exit_two_more": "Skift, tryck två gånger till för att lämna sidan.",
        "quick_exit_one_more": "Skift, tryck en gång till för att lämna sidan.",
        "quick_exit_timed_out": "Snabbutgången avbröts: tryck Skift tre gånger inom fem sekunder.",
        "quick_exit_leaving": "Lämnar sidan.",
        "not_found_title": "Sidan finns inte",
        "not_found_text": "Adressen finns inte här, eller så har sidan flyttats. Sök i fältet överst på sidan eller börja på startsidan.",
        "not_found_home": "Till startsidan",
        "edit": "Redigera sidan",
        "permalink": "Länk till det här avsnittet",
        "report_error": "Rapportera fel i innehållet",
        "page_meta": "Om sidan",
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
        "quick_exit_two_more": "Shift, press 2 more times to leave this page.",
        "quick_exit_one_more": "Shift, press 1 more time to leave this page.",
        "quick_exit_timed_out": "Quick exit cancelled: press Shift three times within five seconds.",
        "quick_exit_leaving": "Leaving this page.",
        "not_found_title": "Page not found",
        "not_found_text": "There is no page at this address, or it has moved. Use the search at the top of the page or start from the home page.",
        "not_found_home": "Go to the home page",
        "edit": "Edit this page",
        "permalink": "Link to this section",
        "report_error": "Report an error in the content",
        "page_meta": "About this page",
    },
}


def lookup(table: dict, lang: str, key: str, **kw):
    """A string from a {lang: {key: text}} table, Swedish when the language is missing; formatted with kw."""
    value = table.get(lang, table["sv"])[key]
    return value.format(**kw) if kw else value


def t(lang: str, key: str, **kw) -> str:
    return lookup(STRINGS, lang, key, **kw)
