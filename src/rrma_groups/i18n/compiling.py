"""Compiling a gettext catalog (``.po``) into the binary form gettext reads (``.mo``).

The one place where catalogs are compiled: by the wheel's build hook (``hatch_build.py``, which
loads this file by its path, as the package is not installed yet, so it imports nothing but
Babel) and by :mod:`rrma_groups.i18n.catalog` in a source checkout, in memory.
"""

from __future__ import annotations

from typing import BinaryIO

__all__ = ["compile_catalog"]


def compile_catalog(
    source: BinaryIO, target: BinaryIO, language: str, domain: str, *, strict: bool = False
) -> None:
    """Compile the ``.po`` read from ``source`` into ``target``, as ``pybabel compile`` does,
    leaving out what is not translated.

    Fuzzy translations are left out, and so are untranslated plural messages: Babel would
    write those with the English text as their translation (python-babel/babel#697), which
    hides the next catalog of the fallback chain (ar_MA → ar). With ``strict``, a malformed
    catalog raises instead of being read as far as it goes (a build must not ship half a
    language).
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(source, locale=language, domain=domain, abort_invalid=strict)
    for message in list(catalog):
        if message.id and message.pluralizable and not any(message.string or ()):
            catalog.delete(message.id, message.context)
    write_mo(target, catalog, use_fuzzy=False)
