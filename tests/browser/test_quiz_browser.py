"""Self-tests, progress and certificate in a real browser (Debian's Chromium through Playwright):
keyboard only, live-region score, progress across reloads and languages, broken storage, no JavaScript,
a phone screen, axe before and after answering. Uses the `served_site` fixture (tests/browser/conftest.py)."""
from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

QUIZ = "grunder/sjalvtest/"
KEY = "kb:quiz:grunder:v1"  # quizzes/grunder.yml, version 1
PROGRESS = "utbildningen/min-utbildning/"
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
           "resultTypes": ["violations"]}

# Count every non-empty text the live region gets, to prove the score is announced once.
WATCH_STATUS = """() => { window.__said = [];
  document.querySelectorAll('[role=status]').forEach(r => new MutationObserver(() => {
    if (r.textContent.trim()) window.__said.push(r.textContent.trim()); }).observe(r, {childList: true, characterData: true, subtree: true})); }"""


def settle(page, ms=300):
    page.wait_for_load_state("load")
    page.wait_for_timeout(ms)


def errors(page) -> list[str]:
    """Script errors. Failed loads are left to the site's own tests (tests/browser/test_site.py)."""
    return [e for e in page.console_errors if "Failed to load resource" not in e]


def axe(page) -> list:
    """axe on our components (the quiz, the progress table, the certificate) and what they add to the page;
    the rest of each page is covered by tests/browser/test_accessibility.py."""
    res = Axe().run(page, context={"include": [[".quiz"], [".course-progress"], [".certificate"]]}, options=OPTIONS).response
    return [(v["id"], v["nodes"][0]["target"], v["nodes"][0]["failureSummary"][:200]) for v in res["violations"]]


def questions(page) -> list[dict]:
    return page.eval_on_selector_all(".quiz__question", """els => els.map(f => ({
        type: f.dataset.type, correct: f.dataset.correct.split(' '),
        values: [...f.querySelectorAll('input')].map(i => i.value)}))""")


def answer_by_keyboard(page, wrong: set[int] = frozenset()):
    """Answer every question with the keyboard only (arrows and space in groups, Tab between them), then
    press Enter on the check button. Questions whose index is in `wrong` get a wrong answer."""
    qs = questions(page)
    page.focus(".quiz__question input")  # the first option; from here on only keys
    for n, q in enumerate(qs):
        want = q["correct"]
        if n in wrong:
            want = [v for v in q["values"] if v not in q["correct"]][:1]
        if q["type"] == "multiple":
            for v in q["values"]:
                if v in want:
                    page.keyboard.press("Space")
                page.keyboard.press("Tab")
        else:
            k = q["values"].index(want[0])
            if k == 0:
                page.keyboard.press("Space")
            for _ in range(k):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)


def test_keyboard_only_wrong_answer_feedback_score_announced_once(page, served_site):
    page.goto(served_site + QUIZ)
    settle(page)
    assert page.locator(".quiz__answer").first.is_hidden()  # answers hidden until checking
    page.evaluate(WATCH_STATUS)
    answer_by_keyboard(page, wrong={0})
    first = page.locator(".quiz__question").first
    result = first.locator(".quiz__result")
    assert "quiz__result--wrong" in result.get_attribute("class")
    assert result.locator(".quiz__verdict").inner_text() == "✗ Fel"  # said in text, not only colour
    chosen = page.evaluate("document.querySelector('.quiz__question input:checked').value")
    feedback = first.locator(f'[data-option="{chosen}"] dd').text_content()
    assert feedback in result.inner_text()  # the chosen option's feedback
    assert first.locator(".quiz__explanation a").first.is_visible()  # explanation + "Läs mer"
    assert "(ditt svar: fel)" in first.inner_text() and "(rätt svar)" in first.inner_text()
    n = len(questions(page))
    pct = round(100 * (n - 1) / n)
    status = page.locator(".quiz [role=status]")
    assert status.inner_text() == f"Resultat: {n - 1} av {n} rätt ({pct} %). Godkänt!"
    assert page.evaluate("window.__said") == [status.inner_text()]
    assert page.evaluate("document.activeElement.textContent") == "Försök igen"
    assert page.locator(".quiz__answer").first.is_visible()  # all answers may be opened now
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert stored["best"] == pct and stored["passed"] is True and len(stored["date"]) == 10
    # try again: everything cleared, keyboard focus back on the first question
    page.keyboard.press("Enter")
    assert page.locator(".quiz__result").count() == 0 and page.locator(".quiz input:checked").count() == 0, page.eval_on_selector_all("input:checked", "els => els.map(e => e.outerHTML)")
    assert page.evaluate("document.activeElement.closest('.quiz__question') !== null")
    assert errors(page) == []


def test_all_right_passes_and_progress_survives_reload_and_language_switch(page, served_site):
    page.goto(served_site + QUIZ)
    settle(page)
    answer_by_keyboard(page)
    n = len(questions(page))
    assert page.locator(".quiz [role=status]").inner_text() == f"Resultat: {n} av {n} rätt (100 %). Godkänt!"
    page.reload()
    settle(page)
    assert "Ditt bästa resultat hittills: 100 %, godkänt" in page.locator(".quiz__best").inner_text()
    page.hover(".md-select")
    page.click("a.md-select__link[hreflang=en]")
    page.wait_for_url(served_site + "en/" + QUIZ)
    settle(page)
    assert page.get_attribute("html", "lang") == "en"
    assert "Your best result so far: 100 %, passed" in page.locator(".quiz__best").inner_text()
    assert page.locator(".quiz button[type=submit]").inner_text() == "Check my answers"
    page.goto(served_site + PROGRESS)
    settle(page)
    row = page.locator('tr[data-quiz="grunder"]')
    assert row.locator("td").nth(0).inner_text() == "✓ Godkänd" and row.locator("td").nth(1).inner_text().startswith("100 %")
    assert page.locator('tr[data-quiz="agera"] td').nth(0).inner_text() == "Inte gjort"
    assert page.locator(".course-progress .js-hide").is_hidden()
    assert errors(page) == []


def test_a_new_quiz_version_resets_its_progress(page, served_site):
    page.goto(served_site + QUIZ)
    page.evaluate("localStorage.setItem('kb:quiz:grunder:v0', JSON.stringify({best: 100, passed: true, date: '2026-01-01'}))")
    page.reload()
    settle(page)
    assert page.evaluate("localStorage.getItem('kb:quiz:grunder:v0')") is None
    assert page.locator(".quiz__best").inner_text() == ""


def test_corrupt_storage_does_not_break_the_page(page, served_site):
    page.goto(served_site + QUIZ)
    page.evaluate(f"""() => {{ localStorage.setItem('{KEY}', '{{not json');
        localStorage.setItem('kb:quiz:agera:v1', 'x'.repeat(100000)); }}""")
    page.reload()
    settle(page)
    assert page.locator(".quiz__best").inner_text() == ""
    answer_by_keyboard(page)
    assert "Godkänt" in page.locator(".quiz [role=status]").inner_text()
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["best"] == 100
    page.goto(served_site + PROGRESS)
    settle(page)
    assert page.locator('tr[data-quiz="agera"] td').nth(0).inner_text() == "Inte gjort"
    assert errors(page) == []


def test_blocked_storage_still_lets_you_take_the_quiz(make_page, served_site):
    page = make_page()
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {get() {
        throw new DOMException('The operation is insecure.', 'SecurityError'); }});""")
    page.goto(served_site + QUIZ)
    settle(page)
    assert "tillåter inte att resultat sparas" in page.locator(".quiz .quiz__note").inner_text()
    answer_by_keyboard(page)
    assert page.locator(".quiz [role=status]").inner_text().endswith("Godkänt!")
    assert errors(page) == []


def test_full_storage_is_told_once(make_page, served_site):
    page = make_page()
    page.add_init_script("""const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (k.startsWith('kb:quiz:grunder')) {
          throw new DOMException('full', 'QuotaExceededError'); } return set.call(this, k, v); };""")
    page.goto(served_site + QUIZ)
    settle(page)
    answer_by_keyboard(page)
    assert page.locator(".quiz [role=status]").inner_text().endswith("Resultatet kunde inte sparas i den här webbläsaren.")
    page.keyboard.press("Enter")  # try again
    answer_by_keyboard(page)
    assert "kunde inte sparas" not in page.locator(".quiz [role=status]").inner_text()
    assert errors(page) == []


def test_without_javascript_questions_and_answers_are_readable(make_page, served_site):
    page = make_page(java_script_enabled=False)
    page.goto(served_site + QUIZ)
    first = page.locator(".quiz__question").first
    assert first.locator("legend").is_visible() and first.locator("input").first.is_visible()
    assert page.locator(".quiz input:checked").count() == 0
    assert page.locator(".quiz button").count() == 0  # no button that would do nothing
    details = first.locator("details.quiz__answer")
    assert details.get_attribute("open") is None
    first.locator("summary").click()
    assert first.locator(".quiz__key").is_visible() and "Rätt svar:" in first.locator(".quiz__key").inner_text()
    assert first.locator(".quiz__explanation a").is_visible()
    page.goto(served_site + PROGRESS)
    assert page.locator(".course-progress .js-hide").is_visible()
    assert page.locator(".certificate .js-hide").is_visible()


def test_works_on_a_phone(make_page, served_site):
    page = make_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(served_site + QUIZ)
    settle(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    first = page.locator(".quiz__question").first
    first.locator("label").first.tap()
    assert first.locator("input").first.is_checked()
    box = page.locator(".quiz button[type=submit]").bounding_box()
    assert box["height"] >= 36 and box["width"] > 200
    asked = []
    page.on("dialog", lambda d: (asked.append(d.message), d.accept()))  # the rest unanswered: check anyway
    page.locator(".quiz button[type=submit]").tap()
    page.wait_for_timeout(300)
    assert page.locator(".quiz [role=status]").inner_text().startswith("Resultat:")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_final_test_shuffles_each_attempt(page, served_site):
    page.goto(served_site + "utbildningen/slutprov/")
    settle(page)
    if page.locator("form.quiz[data-final]").count() == 0:
        pytest.skip("no final test in this build yet (quizzes/slutprov.yml)")
    order = lambda: page.eval_on_selector_all(".quiz__question", "els => els.map(e => e.dataset.question)")  # noqa: E731
    numbers = page.eval_on_selector_all(".quiz__number", "els => els.map(e => e.textContent)")
    assert numbers[0].startswith("Fråga 1 av") and numbers[-1] == f"Fråga {len(numbers)} av {len(numbers)}"
    first = order()
    page.on("dialog", lambda d: d.accept())  # nothing answered: check anyway
    page.click(".quiz button[type=submit]")
    page.click(".quiz button:has-text('Försök igen')")
    second = order()
    assert sorted(first) == sorted(second) and first != second


def test_certificate_only_when_everything_is_passed(make_page, served_site):
    page = make_page()
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page.goto(served_site + PROGRESS)
    settle(page)
    assert page.locator(".certificate__form").is_hidden()
    assert "Kvar:" in page.locator(".certificate__locked").inner_text()
    tests = page.eval_on_selector_all("tr[data-quiz]", "els => els.map(e => [e.dataset.quiz, e.dataset.version])")
    page.evaluate("""tests => tests.forEach(([id, v]) => localStorage.setItem('kb:quiz:' + id + ':v' + v,
        JSON.stringify({best: 90, passed: true, date: '2026-11-23'})))""", tests)
    page.reload()
    settle(page)
    assert page.locator(".certificate__locked").is_hidden() and page.locator(".certificate__form").is_visible()
    page.click(".certificate button[type=submit]")  # no name yet
    assert page.locator("#certificate-name").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "certificate-name"
    page.keyboard.type("Kim Andersson")
    page.keyboard.press("Enter")
    sheet = page.locator(".certificate .certificate__sheet")
    assert sheet.is_visible() and "Kim Andersson" in sheet.inner_text()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert page.locator("body > .certificate-print").is_visible()
    assert page.locator(".md-header").is_hidden() and page.locator(".md-content").is_hidden()
    page.emulate_media(media="screen")
    assert page.locator("body > .certificate-print").is_hidden()
    assert axe(page) == []
    # deleting the results locks the certificate again
    page.on("dialog", lambda d: d.accept())
    page.click(".course-progress button")
    page.wait_for_timeout(300)
    assert page.locator(".certificate__form").is_hidden()
    assert page.locator('tr[data-quiz="grunder"] td').nth(0).inner_text() == "Inte gjort"
    assert page.locator(".course-progress [role=status]").inner_text() == "Dina resultat är raderade."
    assert errors(page) == []


@pytest.mark.parametrize("path", [QUIZ, "en/" + QUIZ])
def test_axe_on_a_quiz_before_and_after_answering(page, served_site, path):
    page.goto(served_site + path)
    settle(page)
    assert axe(page) == []
    answer_by_keyboard(page, wrong={0, 2})
    page.locator(".quiz__answer summary").first.click()
    page.wait_for_timeout(600)  # let Material's button transitions end before measuring contrast
    assert axe(page) == []
