#!/usr/bin/env python3
"""Writes deploy/postgres/tsearch_data/fr_observatoire.{dict,affix} from Debian's hunspell-fr-classical files.

PostgreSQL's search configuration fr_unaccent removes accents before a word reaches its dictionaries (so that « activites »
typed on a phone finds « activités »); the Ispell dictionary that comes after it must therefore hold unaccented words and
affix rules. This folds the Hunspell files the same way unaccent does for French: letters lose their accents, œ and æ
become oe and ae. Run again after a new version of the dictionary:
    apt-get install hunspell-fr-classical && scripts/french-dictionary.py
"""
import pathlib
import unicodedata

SOURCE = pathlib.Path("/usr/share/hunspell")
TARGET = pathlib.Path(__file__).resolve().parent.parent / "deploy" / "postgres" / "tsearch_data"


def fold(text: str) -> str:
    for ligature, letters in (("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE")):
        text = text.replace(ligature, letters)
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


for source, target in (("fr.dic", "fr_observatoire.dict"), ("fr.aff", "fr_observatoire.affix")):
    text = (SOURCE / source).read_text(encoding="utf-8")
    (TARGET / target).write_text(fold(text), encoding="utf-8")
    print(f"{TARGET / target} ({len(text):,} caractères)")
