"""Issue 14's quiz fixes in a real browser: Enter inside a question, unanswered questions, the list of wrong
answers, focus and text contrast in every state (axe after grading too), the no-JS "show answer" focus, errors
through a live region, nothing wider than a 320 px screen, the certificate on one A4 page."""
from __future__ import annotations

import re

from test_quiz_browser import KEY, PROGRESS, QUIZ, axe, errors, questions, settle

# WCAG contrast of two CSS colours; the background is the first opaque one up the tree (white at the top).
CONTRAST = """() => {
window.__contrast = (() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const bg = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
  return el => { const s = getComputedStyle(el);
    return { text: ratio(parse(s.color), bg(el)),
             outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2 ? 0 : ratio(parse(s.outlineColor), bg(el.parentElement)),
             what: el.tagName + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 30) }; };
})(); }
"""


def test_enter_on_an_answer_never_submits_the_test(page, served_site):
    page.goto(served_site + QUIZ)
    settle(page)
    page.focus(".quiz__question input")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.locator(".quiz__result").count() == 0 and page.locator(".quiz [role=status]").inner_text() == ""
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert page.locator(".quiz__question input:checked").count() == 1  # the answer is still there
    assert errors(page) == []


def test_unanswered_questions_ask_first(page, served_site):
    page.goto(served_site + QUIZ)
    settle(page)
    n = len(questions(page))
    page.locator(".quiz__question").first.locator("label").first.click()
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.click(".quiz button[type=submit]")
    page.wait_for_timeout(200)
    assert asked == [f"{n - 1} av {n} frågor är inte besvarade ({', '.join(str(i) for i in range(2, n + 1))}). "
                     "De räknas som fel. Vill du rätta testet ändå?"]
    assert page.locator(".quiz__result").count() == 0 and page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert page.evaluate("document.activeElement.closest('.quiz__question').querySelector('.quiz__number').textContent") == f"Fråga 2 av {n}"
    page.once("dialog", lambda d: d.accept())
    page.click(".quiz button[type=submit]")
    page.wait_for_timeout(300)
    assert page.locator(".quiz [role=status]").inner_text().startswith("Resultat:")


def test_the_result_links_every_wrong_answer(page, served_site):
    page.goto(served_site + QUIZ)
    settle(page)
    qs = questions(page)
    wrong = {1, 3}
    for n, q in enumerate(qs):
        box = page.locator(".quiz__question").nth(n)
        pick = [v for v in q["values"] if v not in q["correct"]][:1] if n in wrong else q["correct"]
        for v in pick:
            box.locator(f'input[value="{v}"]').check()
    page.click(".quiz button[type=submit]")
    page.wait_for_timeout(300)
    review = page.locator(".quiz__review")
    assert review.is_visible() and review.locator("p").inner_text() == "Frågor du svarade fel på eller inte besvarade:"
    links = review.locator("a")
    assert links.count() == 2
    ids = page.eval_on_selector_all(".quiz__question", "els => els.map(e => e.id)")
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [f"#{ids[1]}", f"#{ids[3]}"]
    assert links.nth(0).inner_text().startswith(f"Fråga 2 av {len(qs)}: ")
    links.nth(1).click()
    assert page.evaluate("location.hash") == f"#{ids[3]}"
    assert page.locator(f"#{ids[3]}").evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    page.keyboard.press("Tab")  # sequential focus goes on from the linked question
    page.click(".quiz button:has-text('Försök igen')")
    assert review.is_hidden()


def test_focus_and_text_contrast_in_every_state_after_grading(page, served_site):
    page.goto(served_site + QUIZ)
    settle(page)
    page.on("dialog", lambda d: d.accept())
    page.locator(".quiz__question").first.locator("label").first.click()
    page.click(".quiz button[type=submit]")
    page.wait_for_timeout(300)
    page.evaluate(CONTRAST)
    # every focusable thing in the graded quiz, reached with Tab as a keyboard user does
    page.click(".quiz__intro")  # the starting point; from here on only Tab
    seen, bad = set(), []
    for _ in range(80):
        page.keyboard.press("Tab")
        page.wait_for_timeout(150)  # Material's colour transitions end
        info = page.evaluate("""() => { const e = document.activeElement;
            return e && e.closest && e.closest('.quiz') ? Object.assign(window.__contrast(e), {id: e.outerHTML.slice(0, 80)}) : null; }""")
        if info is None:
            break
        seen.add(info["id"])
        if info["text"] < 4.5 or info["outline"] < 3:
            bad.append(info)
    assert len(seen) > 20 and any("quiz__review" in i or "#quiz-grunder-" in i for i in seen) and bad == []
    # hover on the buttons and links
    for sel in [".quiz button:visible", ".quiz__review a", ".quiz__explanation a"]:
        el = page.locator(sel).first
        el.hover()
        page.wait_for_timeout(200)
        info = el.evaluate("e => window.__contrast(e)")
        assert info["text"] >= 4.5, info
    page.focus(".quiz button:has-text('Försök igen')")
    page.wait_for_timeout(300)
    assert axe(page) == []


def test_show_answer_without_javascript_shows_its_focus(make_page, served_site):
    page = make_page(java_script_enabled=False)
    page.goto(served_site + QUIZ)
    page.focus(".quiz__question input")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }""")
    assert style[0] not in ("none", "") and style[1] >= 2, style
    r, g, b = map(int, re.findall(r"\d+", style[2])[:3])
    lum = lambda v: (v / 255 / 12.92) if v / 255 <= 0.03928 else ((v / 255 + 0.055) / 1.055) ** 2.4  # noqa: E731
    L = 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b)
    assert 1.05 / (L + 0.05) >= 3  # against the white page


def test_the_certificate_error_is_announced_through_a_live_region(make_page, served_site):
    page = make_page()
    page.add_init_script("window.print = () => {};")
    page.goto(served_site + PROGRESS)
    tests = page.eval_on_selector_all(".course-progress tr[data-quiz]", "els => els.map(e => [e.dataset.quiz, e.dataset.version])")
    page.evaluate("""tests => tests.forEach(([id, v]) => localStorage.setItem('kb:quiz:' + id + ':v' + v,
        JSON.stringify({best: 90, passed: true, date: '2026-11-23'})))""", tests)
    page.reload()
    settle(page)
    # the region is in the page before the error, so that screen readers announce what is put in it
    page.evaluate("""() => { window.__announced = []; document.querySelectorAll('[role=alert],[aria-live]').forEach(r =>
        new MutationObserver(() => r.textContent.trim() && window.__announced.push(r.textContent.trim()))
          .observe(r, {childList: true, subtree: true, characterData: true})); }""")
    page.click(".certificate button[type=submit]")
    page.wait_for_timeout(400)
    assert page.evaluate("window.__announced") == ["Skriv ditt namn för att kunna skriva ut intyget."]
    assert page.locator("#certificate-error").get_attribute("role") == "alert"
    assert errors(page) == []


def test_nothing_is_wider_than_a_320_px_screen(make_page, served_site):
    page = make_page(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    page.add_init_script("window.print = () => {};")
    page.goto(served_site + PROGRESS)
    tests = page.eval_on_selector_all(".course-progress tr[data-quiz]", "els => els.map(e => [e.dataset.quiz, e.dataset.version])")
    page.evaluate("""tests => tests.forEach(([id, v]) => localStorage.setItem('kb:quiz:' + id + ':v' + v,
        JSON.stringify({best: 100, passed: true, date: '2026-11-23'})))""", tests)
    page.on("dialog", lambda d: d.accept())
    for url in [QUIZ, "utbildningen/slutprov/", PROGRESS]:
        page.goto(served_site + url)
        settle(page)
        if url == PROGRESS:
            page.fill("#certificate-name", "Kim Andersson-Johansson")
            page.click(".certificate button[type=submit]")
        else:
            page.locator(".quiz__question").first.locator("label").first.tap()
            page.locator(".quiz button[type=submit]").tap()
        page.wait_for_timeout(300)
        wide = page.evaluate("""() => [...document.querySelectorAll('.quiz, .quiz *, .course-progress, .course-progress *, .certificate, .certificate *')]
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .map(e => e.tagName + '.' + e.className)""")
        assert wide == [], (url, wide[:5])
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
        for t in page.query_selector_all(".course-progress table, .certificate table"):
            if t.is_visible():
                assert t.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth"), url


def test_the_certificate_names_everything_and_prints_on_one_a4_page(make_page, served_site, tmp_path):
    page = make_page()
    page.add_init_script("window.print = () => {};")
    page.goto(served_site + PROGRESS)
    tests = page.eval_on_selector_all(".course-progress tr[data-quiz]", "els => els.map(e => [e.dataset.quiz, e.dataset.version])")
    page.evaluate("""tests => tests.forEach(([id, v], i) => localStorage.setItem('kb:quiz:' + id + ':v' + v,
        JSON.stringify({best: 80 + i, passed: true, date: '2026-11-' + (10 + i)})))""", tests)
    page.reload()
    settle(page)
    page.fill("#certificate-name", "Kim Andersson")
    page.click(".certificate button[type=submit]")
    sheet = page.locator(".certificate-print .certificate__sheet")
    text = " ".join(sheet.evaluate("e => e.textContent").split())
    assert "Kim Andersson" in text
    assert "Grundutbildning om prostitution, människohandel och sexuell exploatering" in text and "Version 1" in text
    assert "Utfärdare: Socialnämnden Centrum, kompetenscentrum mot människohandel, prostitution och sexuell exploatering, Göteborg" in text
    assert "Goteborg" not in text
    rows = sheet.locator("tbody tr")
    assert rows.count() == len(tests) == 7
    cells = rows.evaluate_all("rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    assert cells[0] == ["Grunder", "80 %", "10 november 2026"] and cells[6] == ["Slutprov", "86 %", "16 november 2026"]
    assert re.search(r"Utfärdat: \d{1,2} \w+ \d{4}", text)
    assert "utskrivet från de resultat som har sparats i den här webbläsaren" in text and "lärplattformens uppgifter som gäller" in text
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and sheet.is_visible()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, pages
