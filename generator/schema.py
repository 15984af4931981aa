"""The content contract: one field table per file kind, the single place a field is named.

A `Field` says which checker (from `checks`) reads the value, whether it is
required, and what it means (`doc`, one line for editors; docs/inhoud.md
documents every field, and a test keeps the two in step).
"""

from __future__ import annotations

from typing import Any

from . import voice
from .address_checks import base_url, email, phone, tile_url, url
from .checks import (
    INVALID,
    Checker,
    date,
    forms,
    identifier,
    integer,
    markdown_text,
    slug_ref,
    slug_refs,
    taxonomy_ids,
    text,
    text_list,
    word_groups,
    word_pairs,
    yes_no,
)
from .fields import Field, group, mapping_list, one_of, validate_mapping
from .ladder_checks import rungs, toegang
from .language_checks import languages
from .licence_checks import licence
from .model import Address, AgeRange, Contact, SignUp
from .place_checks import ADRES, locations
from .schedule_checks import dates, period, time_slots
from .site_config import (
    Background,
    Editors,
    Helpline,
    MapConfig,
    OverviewConfig,
    WegwijzerConfig,
    WritingGuide,
)

KIND_SINGULAR = {
    "doelgroepen": "doelgroep",
    "leefgebieden": "leefgebied",
    "wijken": "wijk",
    "verwijzers": "verwijzer",
    "soorten": "soort",
}

CONTACT = {
    "naam": Field(text, doc="Naam of rol van de contactpersoon."),
    "telefoon": Field(phone, doc="Telefoonnummer."),
    "email": Field(email, doc="E-mailadres."),
}

AANMELDEN = {
    "uitleg": Field(text, doc="Hoe u zich aanmeldt of wordt aangemeld, in eigen woorden."),
    "telefoon": Field(phone, doc="Telefoonnummer om aan te melden."),
    "email": Field(email, doc="E-mailadres om aan te melden."),
    "website": Field(url, doc="Webpagina om aan te melden."),
}

LEEFTIJD = {
    "min": Field(integer(0, 120), doc="Minimumleeftijd in jaren."),
    "max": Field(integer(0, 120), doc="Maximumleeftijd in jaren."),
}


def age_range(value: Any, at: tuple, c: Checker) -> Any:
    """`leeftijd`: min and max, with min not above max."""
    values = validate_mapping(value, LEEFTIJD, at, c)
    if values is INVALID:
        return values
    low, high = values.get("min"), values.get("max")
    if low is not None and high is not None and low > high:
        return c.error(at, f"min ({low}) is hoger dan max ({high}); wissel ze om")
    return AgeRange(low, high)


age_range.fields = LEEFTIJD  # type: ignore[attr-defined]  # read by Field.fields


WEGWIJZER = {
    "drempel": Field(integer(1, 20), doc="Vanaf hoeveel leefgebieden sociale activering past."),
    "contact": Field(slug_ref, doc="De organisatie die de wegwijzer als contact noemt."),
    "treden": Field(rungs, doc="Voor welke treden sociale activering bedoeld is: [1, 2, 3, 4]."),
}

DIRECT_HULP = {
    "naam": Field(text, required=True, doc="Naam, zoals 113 Zelfmoordpreventie."),
    "telefoon": Field(phone, required=True, doc="Telefoonnummer, zoals 0800-0113."),
    "uitleg": Field(text, doc="Wanneer u belt, in één korte zin."),
}

ACHTERGROND = {
    "pmtiles": Field(url, doc="Adres van een PMTiles-bestand dat de gemeente zelf host."),
    "tegels": Field(tile_url, doc="Adres van een tegelserver, met {z}, {x} en {y} erin."),
    "bronvermelding": Field(
        text, required=True, doc="Wie de kaart maakte, zoals © OpenStreetMap-bijdragers."
    ),
}


def background(value: Any, at: tuple, c: Checker) -> Any:
    """`kaart.achtergrond`: exactly one of `pmtiles` and `tegels`."""
    values = validate_mapping(value, ACHTERGROND, at, c)
    if values is INVALID:
        return values
    if ("pmtiles" in values) == ("tegels" in values):
        return c.error(at, "kies één bron voor de achtergrond: pmtiles of tegels")
    return Background(**values)


background.fields = ACHTERGROND  # type: ignore[attr-defined]  # read by Field.fields

KAART = {
    "achtergrond": Field(
        background, doc="Een straatkaart achter /kaart/, pas na een klik; weg: geen."
    ),
}

OVERZICHT = {
    "overlap": Field(
        integer(2, 50), doc="Vanaf hoeveel organisaties een vak mogelijk overlap is; weg: 3."
    ),
}

REDACTIE = {
    "email": Field(email, required=True, doc="Waar 'Meld een wijziging' naartoe mailt."),
}

SCHRIJFWIJZER = {
    "aan": Field(yes_no, doc="false: geen waarschuwingen over eenvoudige taal."),
    "zinslengte": Field(integer(5, 100), doc="Een zin met meer woorden krijgt een waarschuwing."),
    "woordlengte": Field(integer(8, 60), doc="Een woord met meer letters krijgt een waarschuwing."),
    "leesbaarheid": Field(integer(0, 100), doc="Laagste Flesch-Douma-score; 0: niet meten."),
    "titellengte": Field(integer(20, 300), doc="Een langere titel krijgt een waarschuwing."),
    "alinealengte": Field(
        integer(0, 50_000), doc="Zoveel tekens mag een beschrijving zonder witregel; 0: geen grens."
    ),
    "woorden": Field(word_pairs, doc="Extra ambtelijke woorden: 'indien: als'; leeg: niet melden."),
}

SITE = {
    "titel": Field(text, required=True, doc="Naam van de site."),
    "gemeente": Field(text, required=True, doc="Naam van de gemeente."),
    "basis_url": Field(base_url, required=True, doc="Het openbare adres van de site."),
    "intro": Field(markdown_text, doc="Welkomsttekst op de startpagina (Markdown)."),
    "wegwijzer": Field(group(WEGWIJZER, WegwijzerConfig), doc="Instellingen van de wegwijzer."),
    "direct_hulp": Field(
        mapping_list(
            DIRECT_HULP,
            lambda values, at, c: Helpline(**values),
            "verwacht een lijst, met per nummer '- naam:' en 'telefoon:'",
        ),
        doc="Wie u belt bij direct gevaar of een crisis, zoals 112 en 113.",
    ),
    "licentie": Field(licence, doc="Licentie van de open data, als SPDX-code; weg: CC0-1.0."),
    "provincie": Field(text, doc="Provincie van de gemeente, voor de adressen in de open data."),
    "kaart": Field(group(KAART, MapConfig), doc="Instellingen van de kaart (/kaart/)."),
    "overzicht": Field(
        group(OVERZICHT, OverviewConfig), doc="Instellingen van het overzicht voor beleid."
    ),
    "redactie": Field(
        group(REDACTIE, Editors), doc="De redactie; weg: geen link 'Meld een wijziging'."
    ),
    "aanspreekvorm": Field(
        one_of(voice.FORMS), doc="Hoe de site de lezer aanspreekt: u of je. Weg: u."
    ),
    "nakijken_na_maanden": Field(
        integer(1, 120), doc="Na hoeveel maanden gegevens opnieuw nagekeken moeten worden."
    ),
    "schrijfwijzer": Field(
        group(SCHRIJFWIJZER, WritingGuide), doc="Waarschuwingen over eenvoudige taal (B1)."
    ),
}

TERM = {
    "id": Field(
        identifier, required=True, doc="Korte code: kleine letters, cijfers, koppeltekens."
    ),
    "naam": Field(text, required=True, doc="Naam zoals bezoekers die lezen."),
    "omschrijving": Field(text, doc="Korte uitleg in één of twee zinnen."),
    "zoektermen": Field(text_list, doc="Andere woorden waarop men zoekt."),
}

# A wijk may name the organisation people there turn to (the wegwijzer names it).
WIJK = {
    **TERM,
    "contact": Field(slug_ref, doc="De organisatie waar inwoners van deze wijk terechtkunnen."),
}
TERM_TABLES = {"wijken": WIJK}  # the other lists use TERM

TAXONOMY_KINDS = ("doelgroepen", "leefgebieden", "wijken")  # required, each with its pages
OPTIONAL_LISTS = ("verwijzers", "soorten")  # may be left out of taxonomie.yaml
TAXONOMY_LISTS = TAXONOMY_KINDS + OPTIONAL_LISTS

ZOEKWOORDEN = {
    "groepen": Field(
        word_groups,
        required=True,
        doc="Groepen woorden die bij elkaar horen: wie het ene zoekt, vindt ook het andere.",
    ),
}

ORGANISATION = {
    "naam": Field(text, required=True, doc="Naam van de organisatie."),
    "telefoon": Field(phone, doc="Algemeen telefoonnummer."),
    "email": Field(email, doc="Algemeen e-mailadres."),
    "website": Field(url, doc="Website, beginnend met https://."),
    "adres": Field(group(ADRES, Address), doc="Bezoekadres."),
    "wijken": Field(taxonomy_ids("wijken"), doc="Wijken waar de organisatie zit of werkt."),
    "zoektermen": Field(text_list, doc="Andere woorden waarop mensen deze organisatie zoeken."),
    "gecontroleerd": Field(date, doc="Datum waarop de gegevens zijn nagekeken."),
}

PAGINA = {
    "titel": Field(text, required=True, doc="Titel van de pagina."),
    "menu": Field(yes_no, doc="true: de pagina staat in het menu van elke pagina."),
}

ACTIVITY = {
    "titel": Field(text, required=True, doc="Naam van de activiteit."),
    "organisatie": Field(
        slug_ref, required=True, doc="Bestandsnaam (zonder .md) van de organisatie."
    ),
    "ladder": Field(rungs, required=True, doc="Treden van de participatieladder, zoals [1, 2]."),
    "toegang": Field(toegang, required=True, doc="vrij, aanmelden, verwijzing of indicatie."),
    "doelgroepen": Field(taxonomy_ids("doelgroepen"), doc="Leeg of weg: voor iedereen."),
    "leefgebieden": Field(taxonomy_ids("leefgebieden"), doc="Leefgebieden waarbij het helpt."),
    "kosten": Field(text, doc="Wat het kost; 'gratis' als het niets kost. Weg: niet bekend."),
    "wijken": Field(taxonomy_ids("wijken"), doc="Leeg of weg: de hele gemeente."),
    "wanneer": Field(text, doc="Wat niet in tijden past, zoals 'op afspraak'."),
    "locatie": Field(text, doc="Waar het is, kort; of gebruik locaties."),
    "locaties": Field(locations, doc="Plekken met adres, coördinaten en rolstoeltoegang."),
    "leeftijd": Field(age_range, doc="Leeftijd: {min: 18, max: 27}."),
    "contact": Field(group(CONTACT, Contact), doc="Contact; anders dat van de organisatie."),
    "zoektermen": Field(text_list, doc="Andere woorden waarop mensen deze activiteit zoeken."),
    "verwijzers": Field(
        taxonomy_ids("verwijzers"), doc="Wie u kan aanmelden of verwijzen (bij verwijzing)."
    ),
    "aanmelden": Field(group(AANMELDEN, SignUp), doc="Hoe aanmelden gaat, met telefoon of site."),
    "tijden": Field(
        time_slots, doc="Vaste dagen en tijden: [{dagen: [di], van: 10:00, tot: 12:00}]."
    ),
    "periode": Field(period, doc="Alleen in deze tijd: {van: 2026-04-01, tot: 2026-09-30}."),
    "gesloten": Field(dates, doc="Dagen waarop het niet doorgaat: [2026-12-24]."),
    "talen": Field(languages, doc="Talen waarin het kan, als code: [nl, ar]. Weg: Nederlands."),
    "vorm": Field(forms, doc="Hoe: groep, individueel, huisbezoek, online, telefonisch."),
    "soorten": Field(
        taxonomy_ids("soorten"),
        doc="Wat voor aanbod het is, zoals [ontmoeting, cursus-en-training].",
    ),
    "partners": Field(slug_refs, doc="Andere organisaties die het samen met 'organisatie' doen."),
    "gecontroleerd": Field(date, doc="Datum waarop de gegevens zijn nagekeken."),
}
