"""The search parameters' links (pipelines/web/params.py): the facet links built with the
search's part encoded once are the links `url(add=...)` builds."""
from __future__ import annotations

import pytest

from pipelines.web.params import SearchParams

PARAMS = [SearchParams(), SearchParams(q="低保 OR 礼金", region=["太康县"], sort="date", page=3),
          SearchParams(q="a&b=c", category=["false_claims", "bribery"], date_from="2018", min_amount="5万", size=25,
                       collapse=False, exact=True),
          SearchParams(size=0, post=["局长"], date_to="2021-05")]


@pytest.mark.parametrize("p", PARAMS)
@pytest.mark.parametrize("name,value", [("category", "gifts"), ("region", "北山县 东坝村"), ("doc_type", "a&b=c/?#%")])
def test_url_adding_is_url_with_add(p, name, value):
    assert p.url_adding()(name, value) == p.url(add=[(name, value)])
    assert p.url_adding("/summary")(name, value) == p.url("/summary", add=[(name, value)])
