"""Starter files: a commented group file to fill in, for a new country group.

The text that :func:`starter_text` writes is a TOML group file, commented in French (the
language of the networks' staff), that **does not validate until it is filled in**. Every value
to fill in is one the validator refuses, and its error message says where it is and what is
expected:

* texts to write are empty (``title = ""``): ``meetings[0].title: text is empty``;
* the French region is ``"FR-XXX"``: the message lists the valid codes (``FR-ARA``, ...);
* the date is ``"JJ/MM/AAAA"`` and the times ``"HHhMM - HHhMM"``: ``cannot read 'JJ/MM/AAAA'
  as a date``.

A placeholder such as ``"À REMPLIR"`` would pass as text and slip into a published programme;
these cannot. What the library can fill in by itself is filled in: the group's name in French,
Arabic and English from the country code, the network, ids.

>>> text = starter_text("SN", "Réseau Exemple")
>>> 'name.ar = "مجموعة السنغال"' in text
True
>>> from rrma_groups import GroupValidationError, loads
>>> try:
...     loads(text)
... except GroupValidationError as exc:
...     for problem in exc.errors[:3]:
...         print(problem.location, problem.code)
anchor[0] unknown_subdivision
network.area unknown_subdivision
description empty_text

The ``rrma-groups new`` command writes it to a file (see :mod:`rrma_groups.cli.new`).
"""

from __future__ import annotations

import tomli_w
from pydantic import TypeAdapter, ValidationError

from .errors import RrmaError
from .i18n.regions import country_name
from .io import SCHEMA_LINE
from .model.types import CountryCode
from .parsing.folding import slug

__all__ = [
    "PLACEHOLDER_DATE",
    "PLACEHOLDER_REGION",
    "PLACEHOLDER_TIME_RANGE",
    "StarterError",
    "starter_text",
]

PLACEHOLDER_REGION = "FR-XXX"
"""Stands for the French region: not a region of FR, so the error lists the real codes."""
PLACEHOLDER_DATE = "JJ/MM/AAAA"
"""Stands for a date, written the French way (jour/mois/année); the date parser refuses it."""
PLACEHOLDER_TIME_RANGE = "HHhMM - HHhMM"
"""Stands for an item's times (heures, minutes); the time parser refuses it."""

_COUNTRY: TypeAdapter[str] = TypeAdapter(CountryCode)


class StarterError(RrmaError, ValueError):
    """A starter file cannot be written with these arguments (unknown country, empty name)."""

    code = "starter_error"


def starter_text(country: str, network: str) -> str:
    """A commented starter file for the country group of ``country`` in ``network``.

    ``country`` is an ISO 3166-1 alpha-2 code (``SN``, ``ma``); ``network`` is the network's
    name as it writes it (``Centraider``). Raises :class:`StarterError` for an unknown country
    or an empty or multi-line network name.
    """
    try:
        code = _COUNTRY.validate_python(country)  # the same rule as the files' "country"
    except ValidationError:
        raise StarterError("starter_country", value=country) from None
    names = {lang: country_name(code, lang) for lang in ("fr", "ar", "en")}
    network = " ".join(network.split())
    if not network:
        raise StarterError("starter_network")
    network_id = slug(network) or "reseau"
    return _TEMPLATE.format(
        schema_line=SCHEMA_LINE,
        country=code,
        country_fr=names["fr"],
        group_id=f"groupe-pays-{code.lower()}",
        name_fr=_toml(f"Groupe Pays {names['fr']}"),
        name_ar=_toml(f"مجموعة {names['ar']}"),
        name_en=_toml(f"{names['en']} Country Group"),
        network_name=_toml(network),
        network_id=_toml(network_id),
        region=_toml(PLACEHOLDER_REGION),
        date=_toml(PLACEHOLDER_DATE),
        times=_toml(PLACEHOLDER_TIME_RANGE),
    )


def _toml(value: str) -> str:
    """``value`` as a TOML string, quoted and escaped."""
    return tomli_w.dumps({"v": value}).partition(" = ")[2].rstrip("\n")


# The comments say, next to each value to fill in, what to write; the placeholders make sure
# that forgetting one is an error, not a programme that says "HHhMM".
_TEMPLATE = """\
{schema_line}
# Groupe Pays {country_fr} — fichier de départ écrit par « rrma-groups new ».
#
# Ce fichier n'est pas encore valide, et c'est voulu : chaque valeur à remplir est écrite de
# façon que la vérification la refuse et dise où elle se trouve.
#   ""               un texte à écrire (ou supprimez la ligne si elle est facultative) ;
#   "FR-XXX"         le code de votre région : l'erreur affiche la liste des codes ;
#   "JJ/MM/AAAA"     une date, par exemple "14/03/2025" ;
#   "HHhMM - HHhMM"  l'heure de début et de fin, par exemple "9h30 - 10h00".
# Vérifiez le fichier après chaque modification, jusqu'à lire « valid » :
#     rrma-groups validate NOM_DU_FICHIER.toml
#
# Les textes sans langue indiquée sont en français (default_language). Pour traduire un texte,
# remplacez   title = "Accueil"   par   title.fr = "Accueil"   et   title.ar = "استقبال"   .

schema_version = 1
id = "{group_id}"
name.fr = {name_fr}
name.ar = {name_ar}
name.en = {name_en}
country = "{country}"
default_language = "fr"
languages = ["fr"]

# La région française où le groupe est ancré, en code ISO 3166-2 (FR-NAQ : Nouvelle-Aquitaine,
# FR-CVL : Centre-Val de Loire, ...).
anchor = [{region}]

# Présentez le groupe en quelques phrases : qui il réunit, dans quel but.
description = ""

# Un objectif par bloc [[objectives]] ; copiez le bloc pour en ajouter d'autres.
[[objectives]]
text = ""

[membership_policy]
# Qui peut rejoindre le groupe ?
open_to = ""
# Faut-il adhérer au réseau pour rejoindre le groupe ?
#   "required" (oui), "appreciated" (non, mais c'est apprécié), "not_required" (non)
network_membership = "not_required"

# --- Le réseau régional multi-acteurs -----------------------------------------------------

[network]
id = {network_id}
name = {network_name}
# Le code ISO 3166-2 de sa région, comme pour « anchor » ci-dessus.
area = {region}
# Facultatif : ce que le réseau apporte au groupe, parmi "hosting" (hébergement),
# "secretariat", "coordination", "support" (accompagnement), "facilitation" (animation),
# "resources" (centre de ressources). Enlevez le # pour l'utiliser.
# offers = ["secretariat", "facilitation"]

# --- Les personnes ------------------------------------------------------------------------
# Chaque personne a un identifiant (id) : c'est par lui que le programme la désigne.

[[persons]]
id = "coordination"
# Prénom et nom de la personne qui coordonne le groupe.
name = ""
affiliation = {network_id}

# --- La première rencontre ----------------------------------------------------------------

[[meetings]]
id = "rencontre-1"
# Le titre de la rencontre, par exemple « Rencontre du Groupe Pays {country_fr} à Orléans ».
title = ""
date = {date}
organiser = {network_id}

[meetings.venue]
# Le lieu : le nom du bâtiment ou de la salle, puis la ville.
name = ""
city = ""

# Le programme : un bloc [[meetings.agenda]] par point, dans l'ordre. « kind » dit ce qu'est
# le point : "welcome" (accueil), "presentation", "discussion", "workshop" (atelier), "plenary",
# "break" (pause), "meal" (repas), "conclusion" (restitution), "social" (temps convivial).
# « facilitators » dit qui l'anime : une personne {{ person = "id" }}, une structure
# {{ actor = "id" }}, un rôle {{ role = "Un représentant de chaque structure" }}, ou [] (personne).

[[meetings.agenda]]
time = {times}
# Par exemple « Accueil des participants ».
title = ""
kind = "welcome"
facilitators = [{{ actor = {network_id} }}]

[[meetings.agenda]]
time = {times}
# Par exemple « Présentation du groupe et de ses objectifs ».
title = ""
kind = "presentation"
facilitators = [{{ person = "coordination" }}]
"""
