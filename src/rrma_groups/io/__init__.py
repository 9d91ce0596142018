"""Files: group files in and out (:mod:`.files`), safe reads and writes (:mod:`.safe`), the
JSON Schema of the format (:mod:`.schema`)."""

from .files import Format, dump, dumps, load, loads, parse, to_data
from .safe import MAX_FILE_SIZE, read_limited, read_stream, write_atomic
from .schema import SCHEMA_ID, json_schema

__all__ = [
    "MAX_FILE_SIZE",
    "SCHEMA_ID",
    "Format",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
    "parse",
    "read_limited",
    "read_stream",
    "to_data",
    "write_atomic",
]
