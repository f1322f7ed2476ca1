"""Prefect test set-up: one prefect_test_harness per test session (its server costs 14–16 s),
Prefect's state in a temporary PREFECT_HOME, no telemetry, and sample files good and bad."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before Prefect is first imported anywhere in this session: state and database in a temp dir.
_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="leian-prefect-home-"))
os.environ.setdefault("PREFECT_HOME", str(_PREFECT_HOME))
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.pop("PREFECT_API_URL", None)


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API server and database for every flow test of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


GOOD_NOTICES = [
    "关于3起违反中央八项规定精神典型问题的通报\n一、某县农业农村局原局长张某某违规收受礼金问题。"
    "2019年至2022年，张某某多次收受管理服务对象所送礼金共计5.6万元。张某某受到党内严重警告处分。",
    "某镇村党支部书记李某虚报冒领低保金问题。2020年5月至2021年8月，李某利用职务便利，"
    "虚报冒领低保金3.2万元。李某受到撤销党内职务处分，违纪所得已被收缴。",
    "某市住建局干部王某某违规操办婚宴问题。2021年10月，王某某违规操办其子婚宴，"
    "收受礼金2.1万元。王某某受到党内警告处分，违规收受的礼金已全部退还。",
    "县医保局原副局长赵某失职失责问题。2018年至2020年，赵某在医保基金监管中严重失职，"
    "造成医保基金损失45万元。赵某受到政务记过处分。",
]


def write_good_files(folder: Path, count: int = 4, prefix: str = "notice") -> list[Path]:
    """`count` readable UTF-8 notices (distinct texts) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        text = GOOD_NOTICES[i % len(GOOD_NOTICES)] + f"\n（第{i + 1}号通报）\n"
        p = folder / f"{prefix}-{i + 1:02d}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def write_bad_files(folder: Path) -> dict[str, Path]:
    """A corrupt PDF, an empty DOCX, a GBK-encoded text and a file of an unknown type."""
    folder.mkdir(parents=True, exist_ok=True)
    corrupt_pdf = folder / "corrupt.pdf"
    corrupt_pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf body\n")
    empty_docx = folder / "empty.docx"
    empty_docx.write_bytes(b"")
    gbk = folder / "gbk-notice.txt"
    gbk.write_bytes(("关于某县财政局干部孙某挪用公款问题的通报。2019年，孙某挪用公款12万元，"
                     "受到开除党籍处分。").encode("gbk"))
    unknown = folder / "data.xyz"
    unknown.write_bytes(b"\x00\x01\x02binary blob of an unknown format\x03\x04")
    return {"pdf": corrupt_pdf, "docx": empty_docx, "gbk": gbk, "unknown": unknown}
