"""Files: group files in and out (:mod:`.files`), safe reads and writes (:mod:`.safe`), the
JSON Schema of the format (:mod:`.schema`)."""

from .files import Format, dump, dumps, load, loads, parse, to_data
from .safe import MAX_FILE_SIZE, read_limited, read_stream, write_atomic
from .schema import (
    SCHEMA_FILE_NAME,
    SCHEMA_ID,
    SCHEMA_LINE,
    SchemaFile,
    json_schema,
    schema_text,
    write_schema_beside,
)

__all__ = [
    "MAX_FILE_SIZE",
    "SCHEMA_FILE_NAME",
    "SCHEMA_ID",
    "SCHEMA_LINE",
    "Format",
    "SchemaFile",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
    "parse",
    "read_limited",
    "read_stream",
    "schema_text",
    "to_data",
    "write_atomic",
    "write_schema_beside",
]
