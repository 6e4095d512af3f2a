#!/usr/bin/env python3
"""Writes deploy/postgres/tsearch_data/fr_observatoire.{dict,affix} from Debian's hunspell-fr-classical files.

PostgreSQL's search configuration fr_unaccent removes accents before a word reaches its dictionaries (so that « activites »
typed on a phone finds « activités »); the Ispell dictionary that comes after it must therefore hold unaccented words and
affix rules. This folds the Hunspell files the same way unaccent does for French: letters lose their accents, œ and æ
become oe and ae. Run again after a new version of the dictionary:
    apt-get install hunspell-fr-classical && scripts/french-dictionary.py
"""
import pathlib
import re
import unicodedata

SOURCE = pathlib.Path("/usr/share/hunspell")
TARGET = pathlib.Path(__file__).resolve().parent.parent / "deploy" / "postgres" / "tsearch_data"


def fold(text: str) -> str:
    for ligature, letters in (("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE")):
        text = text.replace(ligature, letters)
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# The prefixes of measurement units' symbols (c, k, T, P… before V, W, g, m…, flag U.): with them « CV » was read as a
# centivolt, « TV » and « PV » as a teravolt and a petavolt, all three ending up as the lexeme 'v' (six times over), so
# a search for « CV » found every page that mentioned a TV, and the planner, seeing twelve alternatives, guessed that
# one page in twenty matched. Nobody searches the observatory by unit symbol. The prefixes of the units' names (flags Um
# and Ui: « kilomètre ») stay: their rules also give those names their plural (« mètres » → « mètre »).
DROPPED_PREFIXES = {"U."}


def drop_prefixes(affix: str) -> str:
    lines, kept, i = affix.split("\n"), [], 0
    while i < len(lines):
        header = re.match(r"^PFX (\S+) [YN] (\d+)\s*$", lines[i])
        if header and header.group(1) in DROPPED_PREFIXES:
            i += 1 + int(header.group(2))
            continue
        kept.append(lines[i])
        i += 1
    return "\n".join(kept)


for source, target in (("fr.dic", "fr_observatoire.dict"), ("fr.aff", "fr_observatoire.affix")):
    text = fold((SOURCE / source).read_text(encoding="utf-8"))
    if target.endswith(".affix"):
        text = drop_prefixes(text)
    (TARGET / target).write_text(text, encoding="utf-8")
    print(f"{TARGET / target} ({len(text):,} caractères)")
