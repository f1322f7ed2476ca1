"""One errors module and one exception → exit-code map: every LeianError is defined in
config.errors, has an exit code there, and each CLI failure gets the README's code."""
from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import config.errors as errors
from config.errors import EXIT_CODES, LeianError, exit_code_of
from tests.conftest import REPO, run_leian

PACKAGES = ("config", "extractors", "search", "pipelines")


def _import_everything() -> None:
    """Import every module of the four packages, so subclasses defined anywhere are seen."""
    for name in PACKAGES:
        pkg = importlib.import_module(name)
        for mod in pkgutil.walk_packages(pkg.__path__, prefix=f"{name}."):
            if not mod.name.endswith("__main__"):
                importlib.import_module(mod.name)


def _all_subclasses(cls: type) -> set[type]:
    out = set()
    for sub in cls.__subclasses__():
        out |= {sub} | _all_subclasses(sub)
    return out


def _readme_codes() -> dict[int, str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(code): meaning for code, meaning in re.findall(r"^\| (\d) \| (.+) \|$", table, re.M)}


def test_every_leian_error_is_defined_in_config_errors_and_mapped():
    _import_everything()
    ours = {c for c in _all_subclasses(LeianError) if c.__module__.split(".")[0] in PACKAGES}
    elsewhere = sorted(f"{c.__module__}.{c.__qualname__}" for c in ours if c.__module__ != "config.errors")
    assert not elsewhere, f"LeianError subclasses outside config.errors: {elsewhere}"
    unmapped = sorted(c.__name__ for c in ours | {LeianError} if c not in EXIT_CODES)
    assert not unmapped, f"no exit code in EXIT_CODES for: {unmapped}"
    assert set(EXIT_CODES.values()) <= set(_readme_codes())


# Each CLI failure class, its README code and a phrase of that code's README meaning.
README_MEANING = {
    errors.ConfigError: (3, "configuration error"),
    errors.BindRefused: (3, "configuration error"),
    errors.ReadError: (2, "cannot be read"),
    errors.UsageError: (2, "bad arguments"),
    errors.QuerySyntaxError: (2, "query"),
    errors.ClassUsageError: (2, "bad arguments"),
    errors.CorrectionError: (2, "bad arguments"),
    errors.UserError: (2, "bad arguments"),
    errors.UploadRefused: (2, "input file"),
    errors.StoreError: (4, "store cannot be reached or written"),
    errors.ElasticError: (4, "store cannot be reached or written"),
    errors.IngestBusy: (4, "store cannot be reached or written"),
    errors.PrefectServerError: (4, "cannot be reached"),
    errors.NotFoundError: (5, "no such case or document"),
    errors.ClassNotFound: (5, "no such case"),
    errors.UnknownCorrection: (5, "no such case"),
    errors.LeianError: (1, "some files failed"),
}


@pytest.mark.parametrize("cls", list(README_MEANING), ids=lambda c: c.__name__)
def test_each_failure_maps_to_the_readme_code(cls):
    code, phrase = README_MEANING[cls]
    assert EXIT_CODES[cls] == code
    assert phrase in _readme_codes()[code]


def test_the_table_is_exhaustive_over_config_errors():
    defined = {v for v in vars(errors).values() if isinstance(v, type) and issubclass(v, LeianError)}
    assert defined == set(README_MEANING) == set(EXIT_CODES)


def test_most_specific_class_wins_by_the_mro():
    class Outage(errors.ElasticError):
        pass

    class Odd(LeianError):
        pass

    assert exit_code_of(Outage("down")) == 4
    assert exit_code_of(Odd("?")) == 1
    assert exit_code_of(errors.BindRefused("0.0.0.0")) == 3
    assert exit_code_of(errors.ReadError("a.pdf", "encrypted")) == 2


NOTICE = ("关于3起违反中央八项规定精神典型问题的通报\n"
          "1.某县民政局副局长王某违规收受礼金问题。2020年，王某收受下属所送礼金共计1.2万元。"
          "王某受到党内严重警告处分。\n")


@pytest.mark.parametrize("args, code, says", [
    (("show", "no-such-case"), 5, "no-such-case"),
    (("search", "(低保"), 2, ""),
    (("summary", "--class", "no-such-class", "-o", "{tmp}/s.md"), 5, "no-such-class"),
])
def test_cli_failures_exit_with_the_mapped_code(tmp_path, capsys, args, code, says):
    from tests.conftest import ingest_quietly

    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    store = ingest_quietly(str(tmp_path / "cases.db"), notice)
    got, _, err = run_leian(capsys, *(a.format(tmp=tmp_path) for a in args), "--store", store)
    assert got == code, err
    assert err.startswith("leian: ") and err.strip().count("\n") == 0
    assert says in err
