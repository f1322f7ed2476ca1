"""What the case page shows and reads back for corrections: the corrected fields in the
one-line syntax of `leian corrections add` (search.corrections.changes_from_text), the
fields an analyst changed in the form, and the history as rows.

The form is prefilled with the case's current values and carries them again in hidden
fields; only a field whose text the analyst changed becomes part of the correction (an
emptied field clears it), so saving the form untouched changes nothing.
"""
from __future__ import annotations

from extractors.model import Case
from search.corrections import CaseState, Changes, Correction, active, changes_from_text, describe

FORM_FIELDS = ("people", "amounts", "sanctions", "categories")
FIELD_LABELS = {"people": "人员", "amounts": "金额", "sanctions": "处分", "categories": "问题类别", "not_a_case": "不是案例"}
MAX_FIELD = 4000  # characters of one form field


def form_values(case: Case) -> dict[str, str]:
    """The case's people, amounts, sanctions and categories in the CLI's syntax (amounts as
    TEXT=YUAN, so they read back exactly)."""
    return {
        "people": ", ".join(p.name + (f":{p.position}" if p.position else "") for p in case.people),
        "amounts": ", ".join(f"{a.text}={_yuan(a.value)}" for a in case.amounts),
        "sanctions": ", ".join(dict.fromkeys(s.label + (f":{s.person}" if s.person else "") for s in case.sanctions)),
        "categories": ", ".join(dict.fromkeys(c.code for c in case.categories)),
    }


def _yuan(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def changes_from_form(new: dict[str, str], old: dict[str, str]) -> Changes:
    """The changes of a submitted form: each field whose text differs from what the page
    showed (whitespace at the ends ignored), parsed as the CLI parses it."""
    def changed(field: str) -> str | None:
        value = new.get(field, "").strip()
        return value if value != old.get(field, "").strip() else None

    return changes_from_text(people=changed("people"), amounts=changed("amounts"), sanctions=changed("sanctions"),
                             categories=changed("categories"))


def corrected_fields(state: CaseState) -> set[str]:
    """The fields an active correction sets (marked 已更正 on the page)."""
    return {f for c in state.active for f in c.changes.fields()}


def history_rows(history: list[Correction]) -> list[dict]:
    """A history as table rows, newest first: who, when, what, note, whether it still applies,
    the case it applies to now ("" when unattached) and the case it was made on."""
    live = {c.id for c in active(history)}
    reverted = {c.reverts for c in history if c.reverts}
    rows = []
    for c in reversed(history):
        status = "撤销记录" if c.reverts else ("已撤销" if c.id in reverted else ("生效" if c.id in live else ""))
        rows.append({"id": c.id, "at": c.at[:19].replace("T", " "), "user": c.user, "note": c.note,
                     "what": f"撤销更正 {c.reverts}" if c.reverts else describe(c), "status": status,
                     "active": c.id in live, "case": c.attached_to, "was": c.case_id})
    return rows


def history_json(history, unattached: bool = False) -> list[dict]:
    """The history as `leian corrections list --json` prints it (each entry with `active`)."""
    live = {c.id for c in active(history)}
    if unattached:
        history = [c for c in history if c.id in live and not c.attached_to]
    return [c.model_dump(mode="json") | {"active": c.id in live} for c in history]


__all__ = ["FIELD_LABELS", "FORM_FIELDS", "MAX_FIELD", "changes_from_form", "corrected_fields", "form_values",
           "history_json", "history_rows"]
