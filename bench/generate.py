"""A deterministic content tree of N synthetic activities, valid per the content contract.

    python -m bench.generate 1000 /tmp/inhoud-1000 [--seed 1]

Writes site.yaml, taxonomie.yaml, organisaties/*.md (one organisation per five
activities) and activiteiten/*.md with Dutch descriptions of 80-200 words made
from sentence templates. The same N and seed always give the same bytes, so
benchmark figures can be compared between commits.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

CHECKED = "2026-06-01"

DOELGROEPEN = [
    ("ouderen", "Ouderen", ["senioren", "65-plussers", "bejaarden"]),
    ("jongeren", "Jongeren", ["tieners", "pubers", "jeugd"]),
    ("kinderen", "Kinderen", ["basisschoolkinderen", "kids"]),
    ("mantelzorgers", "Mantelzorgers", ["mantelzorg", "zorgen voor een naaste"]),
    ("nieuwkomers", "Nieuwkomers", ["statushouders", "vluchtelingen", "inburgering"]),
    ("beperking", "Mensen met een beperking", ["handicap", "gehandicapten", "lvb"]),
    ("ggz", "Mensen met psychische klachten", ["ggz", "psychisch", "burn-out"]),
    ("werkzoekenden", "Werkzoekenden", ["uitkering", "bijstand", "werkloos"]),
    ("ouders", "Ouders en opvoeders", ["opvoeding", "gezin"]),
    ("dak-thuislozen", "Dak- en thuislozen", ["thuisloos", "daklozen", "opvang"]),
]
LEEFGEBIEDEN = [
    ("contact", "Sociaal contact", ["eenzaamheid", "eenzaam", "ontmoeting"]),
    ("geld", "Geld en schulden", ["schulden", "schuldhulp", "armoede", "budget"]),
    ("werk", "Werk en dagbesteding", ["vrijwilligerswerk", "dagbesteding", "re-integratie"]),
    ("gezondheid", "Gezondheid", ["bewegen", "sport", "leefstijl"]),
    ("wonen", "Wonen", ["huisvesting", "woning", "huur"]),
    ("taal", "Taal en digitale vaardigheden", ["laaggeletterdheid", "lezen", "computer"]),
    ("zorg", "Zorg en ondersteuning", ["thuiszorg", "wmo", "hulp bij het huishouden"]),
    ("vervoer", "Vervoer", ["rolstoel", "regiotaxi", "boodschappen"]),
]
WIJKEN = [
    ("centrum", "Centrum"),
    ("noord", "Noord"),
    ("oost", "Oost"),
    ("zuid", "Zuid"),
    ("west", "West"),
    ("de-hoven", "De Hoven"),
    ("rivierenbuurt", "Rivierenbuurt"),
    ("molenkamp", "Molenkamp"),
    ("het-veld", "Het Veld"),
    ("bergweide", "Bergweide"),
    ("kerkdorp", "Kerkdorp"),
    ("industrieterrein", "Bedrijventerrein Oost"),
]

SOORTEN = [
    ("Koffie-ochtend", "een gezellige koffie-ochtend", ["contact"]),
    ("Taalcafé", "een taalcafé waar u Nederlands oefent", ["taal", "contact"]),
    ("Schuldhulpmaatje", "hulp van een getraind maatje bij schulden", ["geld"]),
    ("Budgetcursus", "een cursus over omgaan met geld", ["geld"]),
    ("Wandelgroep", "een wandelgroep die elke week samen loopt", ["gezondheid", "contact"]),
    ("Vrijwilligerswerk", "vrijwilligerswerk met begeleiding", ["werk", "contact"]),
    ("Dagbesteding", "dagbesteding met een vast programma", ["werk", "zorg"]),
    ("Huiswerkklas", "een huiswerkklas met hulp van studenten", ["taal"]),
    ("Digicafé", "een inloop voor vragen over de computer en de telefoon", ["taal"]),
    ("Maaltijd", "een warme maaltijd aan een gedeelde tafel", ["contact"]),
    ("Beweegles", "een beweegles op rustig tempo", ["gezondheid"]),
    ("Ontmoetingsgroep", "een ontmoetingsgroep voor mensen die zich eenzaam voelen", ["contact"]),
    ("Spreekuur", "een spreekuur voor al uw vragen", ["zorg", "geld", "wonen"]),
    ("Klussendienst", "een klussendienst voor kleine reparaties in huis", ["wonen"]),
    ("Boodschappenhulp", "hulp bij het doen van boodschappen", ["vervoer", "zorg"]),
    ("Mantelzorgcafé", "een café voor mensen die zorgen voor een naaste", ["contact", "zorg"]),
    ("Zwemuur", "een zwemuur in het warme bad", ["gezondheid"]),
    ("Werkplaats", "een werkplaats voor hout en fietsen", ["werk"]),
    ("Repaircafé", "een repaircafé waar vrijwilligers spullen maken", ["contact", "werk"]),
    ("Voorleesproject", "een project waarin vrijwilligers thuis voorlezen", ["taal"]),
    ("Sollicitatietraining", "een training om beter te solliciteren", ["werk"]),
    ("Buurtmoestuin", "een moestuin die buren samen onderhouden", ["contact", "gezondheid"]),
    ("Formulierenhulp", "hulp bij het invullen van formulieren", ["geld", "taal"]),
    ("Gespreksgroep", "een gespreksgroep onder leiding van een hulpverlener", ["zorg", "contact"]),
]
BIJNAMEN = [
    "De Linde",
    "Het Anker",
    "De Brug",
    "De Schakel",
    "Het Baken",
    "De Kroon",
    "Zonnehoek",
    "De Horizon",
    "Het Trefpunt",
    "De Ontmoeting",
    "Klaverblad",
    "De Wieken",
    "Het Kompas",
    "De Boog",
    "Morgenrood",
    "De Vlinder",
    "Het Platform",
    "De Stek",
    "Buitenhof",
    "De Kastanje",
]
ORG_SOORTEN = [
    "Stichting",
    "Buurthuis",
    "Vereniging",
    "Wijkcentrum",
    "Zorggroep",
    "Steunpunt",
    "Bibliotheek",
    "Kerkelijke diaconie",
    "Sportclub",
    "Coöperatie",
]
DAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
DAGDELEN = ["ochtend", "middag", "avond"]
TIJDEN = [
    "9.30 tot 11.30 uur",
    "10.00 tot 12.00 uur",
    "13.30 tot 15.30 uur",
    "14.00 tot 16.00 uur",
    "19.00 tot 21.00 uur",
    "19.30 tot 21.30 uur",
]
KOSTEN = [
    "gratis",
    "gratis",
    "gratis",
    "€ 2 per keer",
    "€ 3,50 per keer, met koffie",
    "€ 15 per jaar",
    "€ 5 per maand",
    "Gratis met een Meedoenpas",
    "€ 25 voor de hele cursus",
]

ZINNEN = [
    "{titel} is {soort}.",
    "Iedere {dag}{dagdeel} bent u welkom van {tijd}.",
    "U hoeft niets mee te nemen; koffie en thee staan klaar.",
    "De vrijwilligers van {org} ontvangen u met een kopje koffie"
    " en nemen de tijd voor een praatje.",
    "Veel deelnemers vertellen dat ze zich minder eenzaam voelen sinds ze meedoen.",
    "Heeft u schulden of zorgen over geld? Dan kijken we samen naar een oplossing.",
    "Wij werken samen met het wijkteam, de huisarts en de praktijkondersteuner.",
    "De activiteit vindt plaats in {plek} in de wijk {wijk}.",
    "Het gebouw is goed bereikbaar met de bus en er is een invalidentoilet.",
    "Rolstoelgebruikers kunnen zonder drempels naar binnen.",
    "Komt u voor het eerst? Dan legt een van de begeleiders uit hoe het werkt.",
    "U kunt ook een keer komen kijken voordat u besluit om mee te doen.",
    "We letten goed op uw privacy: wat u vertelt, blijft tussen ons.",
    "Deelnemers helpen elkaar ook buiten de bijeenkomsten, bijvoorbeeld met boodschappen.",
    "Wie wil, kan na een tijdje zelf als vrijwilliger meehelpen.",
    "De groep bestaat uit ongeveer {aantal} mensen uit de buurt.",
    "Er is aandacht voor gezondheid, bewegen en een goede nachtrust.",
    "Spreekt u nog niet zo goed Nederlands? Dat is geen probleem, we helpen u graag.",
    "Voor mantelzorgers is er de mogelijkheid om even op adem te komen.",
    "Jongeren kunnen hier een maatschappelijke stage lopen.",
    "Bij slecht weer gaat de activiteit gewoon door, binnen in de zaal.",
    "In de schoolvakanties is er een aangepast programma.",
    "Het programma wordt samen met de deelnemers bedacht.",
    "U kunt uw kinderen meenemen; er is speelgoed en een speelhoek.",
    "De begeleiders hebben een opleiding in het werken met mensen met een beperking.",
    "Lukt het niet om zelf te komen? Vraag dan naar de mogelijkheden voor vervoer.",
    "Wij helpen ook bij het aanvragen van toeslagen en regelingen van de gemeente.",
    "Na afloop drinken we vaak nog iets samen.",
    "Deze activiteit wordt mede mogelijk gemaakt door de gemeente en lokale fondsen.",
    "Wilt u weten of dit iets voor u is? Bel of mail gerust met uw vragen.",
    "Ook familieleden en buren zijn van harte welkom.",
    "Er wordt gewerkt in kleine groepjes, zodat iedereen aan de beurt komt.",
    "Sommige deelnemers komen via de dagbesteding of het sociaal wijkteam.",
    "We vieren samen de feestdagen en organiseren af en toe een uitstapje.",
    "Computers en tablets zijn aanwezig voor wie wil oefenen.",
    "Een ervaringsdeskundige denkt met u mee over de volgende stap.",
    "Onderwerpen zijn bijvoorbeeld {a}, {b} en {c}.",
    "U kunt hier ook terecht met vragen over {d} of {e}.",
    "Deze maand staat {a} centraal; later volgen {d} en {e}.",
    "Vorige keer ging het gesprek over {b}, en dat beviel iedereen goed.",
    "Samen met de {x} en het {y} organiseren we ook een {z}.",
    "Deelnemers van de {x} komen soms ook naar ons {y}.",
    "Contactpersoon is {voornaam} {achternaam}, bereikbaar op werkdagen.",
]
VOORNAMEN = """
    Anna Bram Carla Daan Emma Fatima Gert Hanneke Ibrahim Joke Karim Lotte Mohamed Nienke
    Olga Pieter Quinten Rianne Samira Tom Ursula Vincent Wendy Yusuf Zeynep Marloes Henk
    Ineke Kees Mieke Noor Ruud Sanne Thijs Vera Wim Youssef Aylin Bas Dirk
""".split()
ACHTERNAMEN = """
    Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra
    Yilmaz Koster Prins Huisman Peeters Kaya Verhoeven Kok Jacobs Vermeulen Schouten Willems
    Hoekstra Kramer Wijnen Postma Kuipers Evers Bosman Groen Veenstra Schipper Doğan Aydın
""".split()
ONDERWERPEN = """
    valpreventie geheugentraining voeding rouwverwerking pensioen zorgverzekering toeslagen
    energierekening huurtoeslag kwijtschelding belastingaangifte DigiD internetbankieren
    oplichting veiligheid inbraakpreventie burenruzie mediation opvoedingsvragen pesten
    zakgeld studiefinanciering stagevergoeding sollicitatiebrief netwerken zelfvertrouwen
    weerbaarheid mantelzorgwaardering respijtzorg dementie mantelzorgverlof thuisadministratie
    brandveiligheid rookmelders tuinonderhoud verhuizing woningruil aanpassingen trapliften
    scootmobiel openbaar vervoer fietsles zwemdiploma EHBO reanimatie griepprik medicijnen
    slaapproblemen stress somberheid verslaving alcohol gokken roken zingeving vriendschap
    kookworkshop handwerken schilderen fotografie muziek koor toneel voorlezen bibliotheek
    moestuin natuurwerkdag klimaat energiebesparing afvalscheiding buurtpreventie
    burenhulp boodschappendienst maaltijdservice alarmering wijkverpleging fysiotherapie
    huisbezoek levenstestament erfrecht schuldsanering bewindvoering noodfonds voedselbank
    kledingbank speelgoedbank sportfonds cultuurfonds schoolspullen laptopregeling
    inburgeringsexamen taalmaatje werkervaring jobcoach loonkostensubsidie beschut werk
    sociaal ondernemen kringloop vrijwilligersvacatures buddyzorg lotgenotencontact
""".split()
# Dutch writes compounds as one word ("buurtkookclub"): they give a real corpus its long
# tail of rare terms, which is what makes an index big. 40 x 30 x 30 combinations.
VOORDELEN = """
    buurt wijk taal zorg geld werk sport kook lees schrijf fiets wandel zwem koffie thee spel
    muziek kunst natuur tuin klus computer senioren jeugd ouder kinder gezins mantelzorg
    vrijwilligers dag avond week zomer winter school straat dorps stads groen samen maatjes
""".split()
MIDDENDELEN = """
    kook lees zang dans praat brei schilder klus film foto spel beweeg eet hobby doe leer
    ontmoetings advies informatie ondersteunings hulp inloop spreek huiswerk taal reken
    digi zorg werk buddy
""".split()
ACHTERDELEN = """
    club groep uur middag avond café maatje punt project cursus training team kring atelier
    werkplaats les ochtend spreekuur winkel tafel dienst netwerk hoek plein pas lijn kamer
    moment school
""".split()

ORG_ZINNEN = [
    "{naam} zet zich al jaren in voor inwoners van de gemeente.",
    "Wij werken met een vast team van beroepskrachten en ruim {aantal} vrijwilligers.",
    "Ons doel is dat iedereen mee kan doen, ongeacht leeftijd, inkomen of achtergrond.",
    "U vindt ons in de wijk {wijk}, vlak bij het winkelcentrum.",
    "We werken nauw samen met het sociaal wijkteam en andere organisaties in de buurt.",
    "Heeft u een idee voor een nieuwe activiteit? We horen het graag.",
    "De meeste activiteiten zijn gratis of vragen een kleine bijdrage.",
    "Onze inloop is open op werkdagen; u hoeft geen afspraak te maken.",
]


def _compound(rng: random.Random) -> str:
    """A made-up but plausible Dutch compound such as "buurtbreiclub"."""
    middle = rng.choice(MIDDENDELEN) if rng.random() < 0.5 else ""
    return rng.choice(VOORDELEN) + middle + rng.choice(ACHTERDELEN)


def _slug(text: str) -> str:
    out = []
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif ch in "éèë":
            out.append("e")
        else:
            out.append("-")
    return "-".join(p for p in "".join(out).split("-") if p)


def _yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(n: int, out: Path, seed: int = 1) -> Path:
    """Write a content tree with `n` activities to `out` (replaced if it exists)."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "organisaties").mkdir(parents=True)
    (out / "activiteiten").mkdir()
    (out / "site.yaml").write_text(
        "titel: Sociale kaart Proefstad\ngemeente: Proefstad\n"
        "basis_url: https://kaart.proefstad.nl/\n",
        encoding="utf-8",
    )
    lines = []
    for kind, terms in (("doelgroepen", DOELGROEPEN), ("leefgebieden", LEEFGEBIEDEN)):
        lines.append(f"{kind}:")
        for tid, naam, zoek in terms:
            lines += [
                f"  - id: {tid}",
                f"    naam: {_quote(naam)}",
                f"    zoektermen: {_yaml_list([_quote(z) for z in zoek])}",
            ]
    lines.append("wijken:")
    for tid, naam in WIJKEN:
        lines += [f"  - id: {tid}", f"    naam: {_quote(naam)}"]
    (out / "taxonomie.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    org_count = max(3, n // 5)
    orgs = []
    for i in range(org_count):
        bijnaam = BIJNAMEN[(i // len(ORG_SOORTEN)) % len(BIJNAMEN)]
        naam = f"{ORG_SOORTEN[i % len(ORG_SOORTEN)]} {bijnaam}"
        if i >= len(ORG_SOORTEN) * len(BIJNAMEN):
            naam += f" {i // (len(ORG_SOORTEN) * len(BIJNAMEN)) + 1}"
        slug = _slug(naam)
        wijk_id, wijk_naam = WIJKEN[i % len(WIJKEN)]
        orgs.append((slug, naam, wijk_naam))
        zinnen = [
            z.format(naam=naam, aantal=rng.randint(5, 80), wijk=wijk_naam)
            for z in rng.sample(ORG_ZINNEN, k=rng.randint(3, 6))
        ]
        (out / "organisaties" / f"{slug}.md").write_text(
            "---\n"
            f"naam: {_quote(naam)}\n"
            f"telefoon: 0570 {100000 + i:06d}\n"
            f"email: info@{slug}.nl\n"
            f"website: https://www.{slug}.nl/\n"
            f"wijken: [{wijk_id}]\n"
            f"gecontroleerd: {CHECKED}\n"
            "---\n" + " ".join(zinnen) + "\n",
            encoding="utf-8",
        )

    seen: set[str] = set()
    for i in range(n):
        titel_basis, soort, gebieden = SOORTEN[rng.randrange(len(SOORTEN))]
        org_slug, org_naam, org_wijk = orgs[i % org_count]
        plek = BIJNAMEN[rng.randrange(len(BIJNAMEN))]
        dag = DAGEN[rng.randrange(7)]
        if rng.random() < 0.5:
            titel_basis = _compound(rng).capitalize()
        titel = f"{titel_basis} {plek}"
        if rng.random() < 0.4:
            titel += f" op {dag}"
        slug = _slug(titel)
        if slug in seen:
            slug = f"{slug}-{i}"
        seen.add(slug)
        doelgroepen = sorted(rng.sample([d[0] for d in DOELGROEPEN], k=rng.choice([0, 1, 1, 2])))
        leefgebieden = sorted(
            set(gebieden) | set(rng.sample([g[0] for g in LEEFGEBIEDEN], k=rng.choice([0, 1])))
        )
        wijken = sorted(rng.sample([w[0] for w in WIJKEN], k=rng.choice([0, 1, 1, 2])))
        wijk_naam = next((w[1] for w in WIJKEN if wijken and w[0] == wijken[0]), org_wijk)
        ladder = sorted(rng.sample(range(1, 7), k=rng.randint(1, 3)))
        toegang = rng.choice(["vrij", "vrij", "aanmelden", "aanmelden", "verwijzing", "indicatie"])
        dagdeel = rng.choice(DAGDELEN)
        tijd = rng.choice(TIJDEN)
        onderwerpen = rng.sample(ONDERWERPEN, k=5)
        values = dict(
            titel=titel,
            soort=soort,
            dag=dag,
            dagdeel=dagdeel,
            tijd=tijd,
            org=org_naam,
            plek=f"buurthuis {plek}",
            wijk=wijk_naam,
            aantal=rng.randint(6, 25),
            a=onderwerpen[0],
            b=onderwerpen[1],
            c=onderwerpen[2],
            d=onderwerpen[3],
            e=onderwerpen[4],
            x=_compound(rng),
            y=_compound(rng),
            z=_compound(rng),
            voornaam=rng.choice(VOORNAMEN),
            achternaam=rng.choice(ACHTERNAMEN),
        )
        pool = ZINNEN[1:]
        rng.shuffle(pool)
        target = rng.randint(80, 200)
        zinnen = [ZINNEN[0].format(**values)]
        count = len(zinnen[0].split())
        for zin in pool:
            zin = zin.format(**values)
            size = len(zin.split())
            if count >= target or count + size > 200:
                break
            zinnen.append(zin)
            count += size
        middle = len(zinnen) // 2  # two paragraphs, as editors write
        text = " ".join(zinnen[:middle]) + "\n\n" + " ".join(zinnen[middle:])
        front = [
            f"titel: {_quote(titel)}",
            f"organisatie: {org_slug}",
            f"ladder: {_yaml_list([str(r) for r in ladder])}",
            f"toegang: {toegang}",
        ]
        if doelgroepen:
            front.append(f"doelgroepen: {_yaml_list(doelgroepen)}")
        front.append(f"leefgebieden: {_yaml_list(leefgebieden)}")
        if wijken:
            front.append(f"wijken: {_yaml_list(wijken)}")
        front += [
            f"kosten: {_quote(rng.choice(KOSTEN))}",
            f"wanneer: {_quote(f'Elke {dag}{dagdeel}, {tijd}')}",
            f"gecontroleerd: {CHECKED}",
        ]
        (out / "activiteiten" / f"{slug}.md").write_text(
            "---\n" + "\n".join(front) + "\n---\n" + text + "\n", encoding="utf-8"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of activities")
    parser.add_argument("out", type=Path, help="content directory to write (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
