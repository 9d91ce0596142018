"""``python -m rrma_groups``: the rrma-groups command."""

from .cli import main

raise SystemExit(main())
