"""Text every writer shares: XML-1.0-safe strings and the spend/verdict lines."""

from __future__ import annotations

import re

from conformance.results import RunResult

__all__ = ["spend_summary", "xml_safe"]

# XML 1.0 allows #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; anything else
# (NUL and the other C0 controls a fuzzer puts in bodies, lone surrogates, U+FFFE/FFFF) is shown escaped.
_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids written as a visible ``\\xNN``/``\\uNNNN`` escape."""
    return _FORBIDDEN.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


def spend_summary(result: RunResult) -> str:
    spend = result.spend
    if not spend:
        return "Credits: not measured"
    before, after, spent = spend.get("balance_before"), spend.get("balance_after"), spend.get("spent")
    if spend.get("allowed") and spend.get("cap") is not None:
        consent = f"--allow-spend, cap {spend['cap']}"
    elif spend.get("allowed"):
        consent = "mock credits (reference mock under the kit's control)"
    else:
        consent = "no --allow-spend: no paid request sent"
    balance = f"balance {before} → {after}" if before is not None and after is not None else "balance not readable"
    refused = spend.get("refused_paid_calls") or 0
    return (
        f"Credits spent: {spent if spent is not None else 'unknown'} ({balance}; {consent}; "
        f"{spend.get('paid_calls', 0)} paid requests sent, {refused} withheld)"
    )
