"""Course tracks in a real browser (Debian's Chromium through Playwright): the core track completed by keyboard
only, its certificate printed; progress per track on "Min utbildning" after a reload and a language switch."""
from __future__ import annotations

CORE = "utbildningen/spar/karna/"
SCHOOL = "utbildningen/spar/skola/"
PROGRESS = "utbildningen/min-utbildning/"


def settle(page, ms=300):
    page.wait_for_load_state("load")
    page.wait_for_timeout(ms)


def tab_until(page, js_condition: str, limit: int = 400) -> None:
    """Press Tab until the focused element meets the condition (keyboard only, no clicks, no focus())."""
    for _ in range(limit):
        if page.evaluate(f"(() => {{ const a = document.activeElement; return !!(a && ({js_condition})); }})()"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"never reached by Tab: {js_condition}")


def take_test_by_keyboard(page, quiz_id: str) -> None:
    """From the top of the page: Tab to the test, answer every question right (arrows and Space in a group of
    radios, Space on checkboxes, Tab between questions) and press Enter on the check button."""
    qs = page.eval_on_selector_all(f"#quiz-{quiz_id} .quiz__question", """els => els.map(f => ({
        type: f.dataset.type, correct: f.dataset.correct.split(' '),
        values: [...f.querySelectorAll('input')].map(i => i.value)}))""")
    tab_until(page, f"a.closest && a.closest('#quiz-{quiz_id}') && (a.type === 'radio' || a.type === 'checkbox')")
    for q in qs:
        if q["type"] == "multiple":
            for v in q["values"]:
                if v in q["correct"]:
                    page.keyboard.press("Space")
                page.keyboard.press("Tab")
        else:
            k = q["values"].index(q["correct"][0])
            if k == 0:
                page.keyboard.press("Space")
            for _ in range(k):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)


def rows(page) -> dict:
    return page.eval_on_selector_all("[data-track-progress] tr[data-track]", """rs => Object.fromEntries(rs.map(r =>
        [r.dataset.track, [r.cells[2].textContent.trim(), r.cells[3].textContent.trim()]]))""")


def test_core_track_by_keyboard_only_and_its_certificate_prints(page, served_site):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page.goto(served_site + CORE)
    settle(page)
    assert page.locator(".certificate__form").is_hidden()
    assert "Kärnan" in page.locator(".certificate__locked").inner_text()
    take_test_by_keyboard(page, "spar-karna")
    assert "15 av 15 rätt (100 %)" in page.locator("#quiz-spar-karna .quiz__status").inner_text()
    # the certificate on the same page unlocks at once; reach it, name it and print it, by keyboard only
    assert page.locator(".certificate__locked").is_hidden() and page.locator(".certificate__form").is_visible()
    tab_until(page, "a.id === 'certificate-name'")
    page.keyboard.type("Kim Andersson")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__printed") == 1
    sheet = page.locator(".certificate .certificate__sheet")
    assert sheet.is_visible()
    sheet_text = sheet.inner_text()
    assert "Kim Andersson" in sheet_text and "Kärnan: för alla medarbetare" in sheet_text and "har genomfört spåret" in sheet_text
    page.emulate_media(media="print")
    assert page.locator("body > .certificate-print").is_visible()
    assert not page.console_errors and not page.external


def test_progress_per_track_after_reload_and_language_switch(page, served_site):
    # a workplace track's test passed first: the track waits for the core
    page.goto(served_site + SCHOOL)
    settle(page)
    take_test_by_keyboard(page, "spar-skola")
    assert "Kärnan" in page.locator(".certificate__locked").inner_text()  # the core's test is still missing
    page.goto(served_site + PROGRESS)
    settle(page)
    r = rows(page)
    assert r["skola"][0] == "Testet klart, Kärnan: för alla medarbetare återstår" and r["skola"][1].startswith("100 %")
    assert r["karna"] == ["Inte påbörjat", "–"] and r["vard"] == ["Inte påbörjat", "–"]
    # then the core: both tracks complete, and it stays so after a reload and in English
    page.goto(served_site + CORE)
    settle(page)
    take_test_by_keyboard(page, "spar-karna")
    page.goto(served_site + PROGRESS)
    settle(page)
    page.reload()
    settle(page)
    r = rows(page)
    assert r["karna"][0] == "✓ Klart" and r["skola"][0] == "✓ Klart" and r["fritid"][0] == "Inte påbörjat"
    page.goto(served_site + "en/" + PROGRESS)
    settle(page)
    r = rows(page)
    assert r["karna"][0] == "✓ Completed" and r["skola"][0] == "✓ Completed" and r["tillsyn"][0] == "Not started"
    page.goto(served_site + "en/" + SCHOOL)
    settle(page)
    assert page.locator(".certificate__form").is_visible()  # the English school track's certificate is open
    assert not page.console_errors and not page.external
