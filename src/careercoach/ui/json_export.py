"""The plan as JSON: SPEC.md's ``plan --export json``."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careercoach.core.models import Plan

# Characters a terminal may act on, or that reorder text, written as \uXXXX escapes so
# that `plan --export json --output -` is safe to print; json.loads gives them back.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def to_json(plan: Plan) -> str:
    """SPEC.md's plan JSON: ``plan.model_dump(mode="json")``, indented, in its key order."""
    text = json.dumps(plan.model_dump(mode="json"), indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"
