"""Files: group files in and out (:mod:`.files`), safe reads and writes, the JSON Schema."""

from .files import *  # noqa: F403
from .files import __all__ as __all__
