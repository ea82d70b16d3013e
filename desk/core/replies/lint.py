"""The phrase check: codes that clash or are typed awkwardly, empty or
over-long text, placeholders ShopDesk does not know; with the obvious fix
where there is one.

Codes are compared as the palette and the input method see them: after
NFKC (full-width to half-width) and lower-casing. Over-long means more than
LONG_TEXT characters: chat windows show that as a wall of text, and buyers
skim it, so it is worth splitting (the service still stores up to 2,000).
Messages and fix labels are UserError templates (translation context
"UserError"), filled with `values`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from desk.core.errors import QT_TRANSLATE_NOOP, UserError
from desk.core.replies import placeholders, service
from desk.core.replies.service import PhraseInfo

LONG_TEXT = 500
KINDS = ("duplicate_code", "prefix_code", "fullwidth_code", "upper_code", "empty_text",
         "long_text", "unknown_placeholder")

# A placeholder typed with a Chinese keyboard's full-width braces, ｛昵称｝.
_WIDE = re.compile(r"[{｛]([^{}｛｝\n]{1," + str(placeholders.NAME_MAX) + r"})[}｝]")


@dataclass(frozen=True)
class Problem:
    pid: int
    kind: str
    message_template: str
    values: dict = field(default_factory=dict)
    fix: str | None = None  # what the one-click fix does (a template over `values`), None: no fix

    def message(self) -> str:
        return self.message_template.format(**self.values)

    def as_error(self) -> UserError:
        """The message as a UserError, for showing through the usual translation."""
        return UserError(self.message_template, **self.values)


def _canonical(inner: str) -> str | None:
    """What a placeholder written with full-width characters should read, or None."""
    kind, name = placeholders.classify(unicodedata.normalize("NFKC", inner))
    if kind == "known":
        stripped = unicodedata.normalize("NFKC", inner).strip()
        return "{" + (stripped if stripped in placeholders.ALIASES else name) + "}"
    if kind == "prompt":
        return "{?" + name + "}"
    return None


def _placeholder_fixes(body: str) -> dict[str, str | None]:
    """Each unknown placeholder as written -> its obvious replacement (or None)."""
    out: dict[str, str | None] = {}
    for t in placeholders.tokens(body):
        if t.kind == "unknown":
            out.setdefault(t.text, _canonical(t.name))
    for m in _WIDE.finditer(body):
        if "｛" in m.group(0) or "｝" in m.group(0):
            fixed = _canonical(m.group(1))
            if fixed is not None:
                out.setdefault(m.group(0), fixed)
    return out


def _code_problems(phrases: list[PhraseInfo]) -> list[Problem]:
    out = []
    first: dict[str, PhraseInfo] = {}
    for p in phrases:
        if not p.code:
            continue
        key = service.fold(p.code)
        if key in first:
            out.append(Problem(p.id, "duplicate_code", QT_TRANSLATE_NOOP(
                "UserError", "The code \"{code}\" is also the code of \"{other}\"."),
                {"code": p.code, "other": _short(first[key].body)},
                QT_TRANSLATE_NOOP("UserError", "Remove the code from this phrase")))
        else:
            first[key] = p
        if unicodedata.normalize("NFKC", p.code) != p.code:
            out.append(Problem(p.id, "fullwidth_code", QT_TRANSLATE_NOOP(
                "UserError", "The code \"{code}\" has full-width characters; an input method "
                "types \"{fixed}\"."), {"code": p.code,
                                         "fixed": unicodedata.normalize("NFKC", p.code)},
                QT_TRANSLATE_NOOP("UserError", "Change the code to \"{fixed}\"")))
        if p.code != p.code.lower():
            out.append(Problem(p.id, "upper_code", QT_TRANSLATE_NOOP(
                "UserError", "The code \"{code}\" has capital letters; codes are typed in "
                "lower case."), {"code": p.code, "fixed": p.code.lower()},
                QT_TRANSLATE_NOOP("UserError", "Change the code to \"{fixed}\"")))
    keys = sorted(first)
    for i, key in enumerate(keys):
        if i + 1 < len(keys) and keys[i + 1].startswith(key):
            p = first[key]
            out.append(Problem(p.id, "prefix_code", QT_TRANSLATE_NOOP(
                "UserError", "The code \"{code}\" is the start of the code \"{longer}\": typing "
                "one brings up the other too."), {"code": p.code, "longer": keys[i + 1]}))
    return out


def _short(text: str, n: int = 20) -> str:
    line = " ".join(text.split())
    return line if len(line) <= n else line[: n - 1] + "…"


def _text_problems(p: PhraseInfo) -> list[Problem]:
    out = []
    if not p.body.strip():
        out.append(Problem(p.id, "empty_text", QT_TRANSLATE_NOOP("UserError", "The phrase has no text."),
                           {}, QT_TRANSLATE_NOOP("UserError", "Move the phrase to the trash")))
    elif len(p.body) > LONG_TEXT:
        out.append(Problem(p.id, "long_text", QT_TRANSLATE_NOOP(
            "UserError", "The phrase has {length} characters; more than {limit} is hard to read "
            "in a chat window."), {"length": len(p.body), "limit": LONG_TEXT}))
    for written, fixed in _placeholder_fixes(p.body).items():
        values = {"placeholder": written, "fixed": fixed or ""}
        out.append(Problem(p.id, "unknown_placeholder", QT_TRANSLATE_NOOP(
            "UserError", "{placeholder} is not a placeholder ShopDesk knows; it is sent as "
            "written."), values,
            QT_TRANSLATE_NOOP("UserError", "Change it to {fixed}") if fixed else None))
    return out


def check(phrases: list[PhraseInfo] | None = None) -> list[Problem]:
    """The problems of these phrases (None: every live phrase), phrase by phrase
    in the order given. Code clashes are looked for among the phrases given."""
    phrases = service.all_phrases() if phrases is None else list(phrases)
    by_phrase: dict[int, list[Problem]] = {p.id: [] for p in phrases}
    for problem in _code_problems(phrases):
        by_phrase[problem.pid].append(problem)
    for p in phrases:
        by_phrase[p.id].extend(_text_problems(p))
    kind_order = {k: i for i, k in enumerate(KINDS)}
    return [pr for p in phrases for pr in sorted(by_phrase[p.id], key=lambda x: kind_order[x.kind])]


def _stale() -> UserError:
    return UserError(QT_TRANSLATE_NOOP(
        "UserError", "The phrase has changed since it was checked; check again."))


def apply_fix(problem: Problem) -> None:
    """Carry out the problem's one-click fix; a UserError if it has none or
    the phrase no longer has the problem."""
    if problem.fix is None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "There is no automatic fix for this; "
                                          "edit the phrase."))
    p = service.get_phrase(problem.pid)
    kind, v = problem.kind, problem.values
    if kind in ("duplicate_code", "fullwidth_code", "upper_code") and p.code != v["code"]:
        raise _stale()
    if kind == "duplicate_code":
        service.update_phrase(p.id, code="")
    elif kind == "fullwidth_code":
        service.update_phrase(p.id, code=unicodedata.normalize("NFKC", p.code))
    elif kind == "upper_code":
        service.update_phrase(p.id, code=p.code.lower())
    elif kind == "empty_text":
        service.delete_phrase(p.id)
    elif kind == "unknown_placeholder":
        if v["placeholder"] not in p.body:
            raise _stale()
        service.update_phrase(p.id, body=p.body.replace(v["placeholder"], v["fixed"]))
    else:
        raise ValueError(f"no fix for {kind}")


def check_plan(plan) -> list[tuple[int, Problem]]:
    """The problems an import would bring in, as (line in the file, problem):
    the file's new and changed phrases checked together with the library
    (a code clashing with a phrase already there is the file's problem)."""
    rows = [r for r in plan.rows if r.kind in ("new", "changed")]
    changed = {r.phrase_id for r in rows if r.kind == "changed"}
    library = [p for p in service.all_phrases() if p.id not in changed]
    # file rows get ids below zero, so their problems can be told from the library's
    incoming = [PhraseInfo(-1 - i, 0, r.group, r.code, r.body, None, r.position or 0, 0, None)
                for i, r in enumerate(rows)]
    return [(rows[-1 - p.pid].line, p) for p in check(library + incoming) if p.pid < 0]
