"""Print the README's quick-start commands, one per line, exactly as the README writes them.

The quick start is the contract with a new user, so CI runs these lines verbatim rather than a copy
that could drift: the first ``sh`` block under the "Quick start" heading installs and renders the
bundled programme, the second installs and runs the tests (later blocks are examples).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def quick_start_commands(readme: str) -> list[str]:
    section = re.search(r"^## Quick start.*?$(.*?)^## ", readme, re.MULTILINE | re.DOTALL)
    if section is None:
        raise SystemExit("README.md has no '## Quick start' section")
    blocks = re.findall(r"^```sh\n(.*?)^```", section.group(1), re.MULTILINE | re.DOTALL)
    if len(blocks) < 2:
        raise SystemExit(f"the quick start should open with 2 sh blocks, it has {len(blocks)}")
    commands = []
    for block in blocks[:2]:
        lines = [line for line in block.splitlines() if line.strip()]
        if len(lines) != 1:
            raise SystemExit(f"each quick-start block should be one command, got: {block!r}")
        commands.append(lines[0])
    return commands


if __name__ == "__main__":
    readme = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md").read_text(encoding="utf-8")
    print("\n".join(quick_start_commands(readme)))
