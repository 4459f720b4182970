"""Deterministic demo data for Lägesbild, and large synthetic sets for the benchmark.

The demo tells the story of the 2023 audit follow-up at VMKF: incidents and service levels
have been tracked for years, information classification starts late and sparse, and the
risk register only begins after the audit. The recommendations, the auditors' 2023
assessments and the governing documents they name follow the audit report; everything else
(systems, incidents, risks, later follow-ups) is invented.

The same seed always gives byte-identical files: every random value comes from a
seeded generator, one stream per kind, drawn in a fixed order.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import time
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import numpy as np

from lagesbild.data import contracts, db, ingest
from lagesbild.data.contracts import (BOOLEAN, DATE, DECIMAL, MEMBER_MUNICIPALITIES, MONTH, TIMESTAMP,
                                 Column, Kind)

DEMO_DIR = db.ROOT / "data" / "demo"
DEMO_UNTIL = dt.date(2026, 11, 27)
DEMO_SEED = 20231206  # the date of the audit follow-up
DEMO_INCIDENTS_PER_YEAR = 300

START = dt.date(2019, 1, 1)
SLA_START = dt.date(2021, 1, 1)  # SLAs were structured "two years" before the 2023 follow-up
CYBERSECURITY_ACT = dt.date(2026, 1, 15)


# --- Systems --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _System:
    family: str  # what the system is; incident scenarios pick systems by family
    name: str
    municipality: str
    owner: str | None
    category: str
    sla_tier: str | None
    infrastructure: bool
    continuity_plan: str | None = None  # ISO date of the latest plan
    management_plan: str | None = None
    serves_surahammar: bool = False  # shared systems Surahammar buys from the association


_SHARED = "Gemensam"
# Continuity plans came for the most central systems in 2023 (as the audit heard), for more
# after it; many systems still have none.
_BASE_SYSTEMS = (
    _System("ad", "Active Directory (katalogtjänst)", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Guld", True, "2023-05-16", "2023-03-14"),
    _System("epost", "E-post och kalender", _SHARED, "IT-chef VMKF",
            "Kommunikation", "Guld", True, "2023-05-16", "2023-03-14"),
    _System("brandvagg", "Brandvägg och perimeterskydd", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Guld", True, "2023-06-13", "2023-03-14"),
    _System("wan", "WAN – stadsnät mellan kommunerna", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Guld", True, "2023-06-13", "2021-09-07"),
    _System("lan", "LAN och trådlöst nätverk", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Silver", True, "2024-11-12", "2021-09-07"),
    _System("backup", "Säkerhetskopiering", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Guld", True, "2025-02-18", "2023-04-11"),
    _System("server", "Serverplattform (virtualisering)", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Guld", True, "2023-06-13", "2023-04-11"),
    _System("lagring", "Lagringssystem (SAN)", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Guld", True, "2023-06-13", "2023-04-11"),
    _System("filserver", "Filserver och gemensamma mappar", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Silver", True, None, "2022-02-15"),
    _System("vpn", "Fjärråtkomst (VPN)", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Silver", True, None, "2022-02-15"),
    _System("klient", "Klientplattform och datorer", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Silver", True, None, "2022-02-15"),
    _System("mdm", "Mobilhantering (MDM)", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Brons", True),
    _System("mfa", "Multifaktorautentisering", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Silver", True, "2025-04-08", "2024-03-12"),
    _System("logg", "Loggövervakning (SIEM)", _SHARED, "IT-chef VMKF",
            "Infrastruktur", "Silver", True, None, "2025-10-07"),
    _System("ekonomi", "Ekonomisystem", _SHARED, "Ekonomichef VMKF",
            "Ekonomi", "Guld", False, "2023-09-12", "2023-02-07", serves_surahammar=True),
    _System("faktura", "Fakturahantering (e-faktura)", _SHARED, "Ekonomichef VMKF",
            "Ekonomi", "Silver", False, "2024-05-14", "2023-02-07", serves_surahammar=True),
    _System("ehandel", "E-handel och inköp", _SHARED, "Upphandlingschef VMKF",
            "Ekonomi", "Brons", False, serves_surahammar=True),
    _System("lon", "Lönesystem", _SHARED, "Lönechef VMKF",
            "HR och lön", "Guld", False, "2023-09-12", "2023-02-07", serves_surahammar=True),
    _System("hr", "HR-system (personaladministration)", _SHARED, "HR-chef VMKF",
            "HR och lön", "Silver", False, "2024-05-14", "2022-10-04", serves_surahammar=True),
    _System("tid", "Tidrapportering och schemaläggning", _SHARED, "Lönechef VMKF",
            "HR och lön", "Silver", False, None, "2022-10-04", serves_surahammar=True),
    _System("rekrytering", "Rekryteringssystem", _SHARED, "HR-chef VMKF",
            "HR och lön", "Brons", False, serves_surahammar=True),
    _System("vaxel", "Telefoni och växel", _SHARED, "IT-chef VMKF",
            "Kommunikation", "Guld", True, "2023-09-12", "2024-02-06", serves_surahammar=True),
    _System("video", "Videomöten och samarbetsyta", _SHARED, "IT-chef VMKF",
            "Kommunikation", "Silver", False, None, "2021-03-09"),
    _System("intranat", "Intranät", _SHARED, "Förbundschef VMKF",
            "Webb", "Silver", False, None, "2020-11-17"),
    _System("earkiv", "E-arkiv", _SHARED, "Arkivchef VMKF",
            "Ärendehantering", "Silver", False, "2025-06-10", "2024-09-10"),
    _System("servicedesk", "IT-ärendesystem (servicedesk)", _SHARED, "IT-chef VMKF",
            "Övrigt", "Silver", False, None, "2022-02-15", serves_surahammar=True),
    _System("etjanst", "E-tjänsteplattform", _SHARED, "Digitaliseringsstrateg VMKF",
            "Webb", "Silver", False, None, "2024-09-10"),
    _System("utskrift", "Utskriftshantering", _SHARED, "IT-chef VMKF",
            "Övrigt", "Brons", False),
    _System("beslutsstod", "Beslutsstöd och statistik", _SHARED, "Ekonomichef VMKF",
            "Ekonomi", None, False),
    _System("passage", "Passage- och larmsystem", _SHARED, None,
            "Övrigt", "Brons", False),
    _System("upphandling", "Upphandlingsverktyg", _SHARED, "Upphandlingschef VMKF",
            "Ekonomi", None, False),
    _System("social", "Verksamhetssystem socialtjänst Arboga", "Arboga", "Socialchef Arboga",
            "Vård och omsorg", "Guld", False, "2023-10-17", "2023-01-24"),
    _System("elev", "Elevregister och skoladministration Arboga", "Arboga",
            "Barn- och utbildningschef Arboga", "Skola", "Silver", False, None, "2022-06-14"),
    _System("larplattform", "Lärplattform Arboga", "Arboga", "Barn- och utbildningschef Arboga",
            "Skola", "Brons", False),
    _System("elevhalsa", "Elevhälsojournal Arboga", "Arboga", "Barn- och utbildningschef Arboga",
            "Skola", "Silver", False, None, "2024-08-20"),
    _System("diarium", "Ärendehanteringssystem (diarium) Arboga", "Arboga", "Kanslichef Arboga",
            "Ärendehantering", "Silver", False, None, "2021-05-18"),
    _System("bygglov", "Bygglovssystem Arboga", "Arboga", "Samhällsbyggnadschef Arboga",
            "Samhällsbyggnad", "Brons", False),
    _System("webb", "Extern webbplats Arboga", "Arboga", "Kommunikationschef Arboga",
            "Webb", "Silver", False, None, "2020-09-22"),
    _System("gis", "Kartsystem (GIS) Arboga", "Arboga", "Samhällsbyggnadschef Arboga",
            "Samhällsbyggnad", None, False),
    _System("bibliotek", "Bibliotekssystem Arboga", "Arboga", "Kulturchef Arboga",
            "Övrigt", "Brons", False),
    _System("social", "Verksamhetssystem socialtjänst Köping", "Köping", "Socialchef Köping",
            "Vård och omsorg", "Guld", False, "2023-04-25", "2023-01-24"),
    _System("elev", "Elevregister och skoladministration Köping", "Köping",
            "Barn- och utbildningschef Köping", "Skola", "Silver", False, "2024-10-08", "2022-06-14"),
    _System("larplattform", "Lärplattform Köping", "Köping", "Barn- och utbildningschef Köping",
            "Skola", "Brons", False, None, "2023-08-15"),
    _System("elevhalsa", "Elevhälsojournal Köping", "Köping", "Barn- och utbildningschef Köping",
            "Skola", "Silver", False, "2025-03-11", "2024-08-20"),
    _System("diarium", "Ärendehanteringssystem (diarium) Köping", "Köping", "Kanslichef Köping",
            "Ärendehantering", "Silver", False, "2024-04-16", "2021-05-18"),
    _System("bygglov", "Bygglovssystem Köping", "Köping", "Samhällsbyggnadschef Köping",
            "Samhällsbyggnad", "Brons", False, None, "2022-11-08"),
    _System("webb", "Extern webbplats Köping", "Köping", "Kommunikationschef Köping",
            "Webb", "Silver", False, None, "2020-09-22"),
    _System("gis", "Kartsystem (GIS) Köping", "Köping", "Samhällsbyggnadschef Köping",
            "Samhällsbyggnad", None, False),
    _System("trygghetslarm", "Trygghetslarm och hemtjänstplanering Köping", "Köping", "Socialchef Köping",
            "Vård och omsorg", "Silver", False, "2024-02-20", "2023-01-24"),
    _System("social", "Verksamhetssystem socialtjänst Kungsör", "Kungsör", "Socialchef Kungsör",
            "Vård och omsorg", "Guld", False, "2025-01-28", "2023-01-24"),
    _System("elev", "Elevregister och skoladministration Kungsör", "Kungsör",
            "Barn- och utbildningschef Kungsör", "Skola", "Silver", False, None, "2022-06-14"),
    _System("larplattform", "Lärplattform Kungsör", "Kungsör", "Barn- och utbildningschef Kungsör",
            "Skola", "Brons", False),
    _System("elevhalsa", "Elevhälsojournal Kungsör", "Kungsör", "Barn- och utbildningschef Kungsör",
            "Skola", "Silver", False),
    _System("diarium", "Ärendehanteringssystem (diarium) Kungsör", "Kungsör", "Kommundirektör Kungsör",
            "Ärendehantering", "Silver", False, None, "2021-05-18"),
    _System("bygglov", "Bygglovssystem Kungsör", "Kungsör", "Samhällsbyggnadschef Kungsör",
            "Samhällsbyggnad", "Brons", False),
    _System("webb", "Extern webbplats Kungsör", "Kungsör", "Kommunikationschef Kungsör",
            "Webb", "Silver", False),
    _System("gis", "Kartsystem (GIS) Kungsör", "Kungsör", None,
            "Samhällsbyggnad", None, False),
    _System("diarium", "Ärendehanteringssystem (diarium) Surahammar", "Surahammar", "Kanslichef Surahammar",
            "Ärendehantering", None, False),
    _System("hemtjanst", "Schemaläggning hemtjänst Surahammar", "Surahammar", "Socialchef Surahammar",
            "Vård och omsorg", "Brons", False, "2026-04-14", "2025-05-20"),
    _System("webb", "Extern webbplats Surahammar", "Surahammar", "Kommunikationschef Surahammar",
            "Webb", None, False),
)


def _systems(factor: float) -> list[_System]:
    """The demo's systems, repeated (with a numbered name) to ``factor`` times as many."""
    count = max(len(_BASE_SYSTEMS), round(len(_BASE_SYSTEMS) * factor))
    systems = []
    for index in range(count):
        copy, base = divmod(index, len(_BASE_SYSTEMS))
        system = _BASE_SYSTEMS[base]
        if copy:
            system = replace(system, name=f"{system.name} ({copy + 1})")
        systems.append(system)
    return systems


def _ids(prefix: str, count: int, width: int) -> list[str]:
    width = max(width, len(str(count)))
    return [f"{prefix}{number:0{width}d}" for number in range(1, count + 1)]


def _served_municipalities(system: _System) -> tuple[str, ...]:
    """The member municipalities a system serves: its own, or all that use a shared one."""
    if system.municipality in MEMBER_MUNICIPALITIES:
        return (system.municipality,)
    return tuple(m for m in MEMBER_MUNICIPALITIES if m != "Surahammar" or system.serves_surahammar)


def _system_columns(systems: list[_System], ids: list[str], until: dt.date) -> dict:
    return {
        "system_id": ids,
        "name": [s.name for s in systems],
        "municipality": [s.municipality for s in systems],
        "owner": [s.owner for s in systems],
        "category": [s.category for s in systems],
        "sla_tier": [s.sla_tier for s in systems],
        "infrastructure": [s.infrastructure for s in systems],
        "continuity_plan_date": [_on_or_before(s.continuity_plan, until) for s in systems],
        "management_plan_date": [_on_or_before(s.management_plan, until) for s in systems],
        # Empty for a shared system that serves all four members: the register's default.
        "used_by": [", ".join(_served_municipalities(s))
                    if s.municipality == _SHARED and not s.serves_surahammar else None
                    for s in systems],
    }


def _on_or_before(iso: str | None, until: dt.date) -> dt.date | None:
    day = dt.date.fromisoformat(iso) if iso else None
    return day if day and day <= until else None


# --- Incidents ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Scenario:
    """A kind of incident that happens again and again, with its typical attributes."""

    weight: float
    category: str
    cause: str
    titles: tuple[str, ...]
    systems: tuple[str, ...] = ()  # families of systems it hits
    without_system: float = 0.0  # share logged without a system (e.g. phishing)
    severity: tuple[float, float, float, float] = (0.6, 0.35, 0.05, 0.0)  # weights of 1..4
    personal_data: float = 0.0  # share that is a personal data breach
    phishing_season: bool = False  # peaks in autumn and winter
    since: int = 2019
    resolution: float = 1.0  # multiplies the typical time to resolve
    waiting: float = 0.0  # share that waits weeks for a supplier's fix or a replacement


_SCENARIOS = (
    _Scenario(9, "Bedrägeri", "Angrepp",
              ("Nätfiskemejl till löneadministratörer", "Nätfiskemejl med falsk inloggningssida för e-post",
               "Nätfiskekampanj mot medarbetare i hemtjänsten",
               "Nätfiskemejl som utger sig för att komma från it-supporten",
               "Nätfiskemejl om ”uppdatera ditt lösenord”"),
              ("epost",), without_system=0.7, severity=(0.6, 0.37, 0.03, 0), personal_data=0.005,
              phishing_season=True, resolution=0.5),
    _Scenario(3, "Bedrägeri", "Angrepp",
              ("Vd-bedrägeri: falsk begäran om brådskande betalning", "Falskt mejl i förbundschefens namn",
               "Sms-nätfiske mot anställda"),
              without_system=1.0, severity=(0.5, 0.45, 0.05, 0), phishing_season=True, since=2020,
              resolution=0.5),
    _Scenario(2.5, "Bedrägeri", "Angrepp",
              ("Falsk faktura på 12 500 €", "Begäran om ändrat bankkontonummer från ”leverantör”",
               "Falsk faktura från okänd annonsbyrå", "Bedrägligt mejl om ändrade betalningsuppgifter"),
              ("faktura", "ekonomi"), without_system=0.2, severity=(0.3, 0.55, 0.15, 0),
              phishing_season=True),
    _Scenario(1, "Bedrägeri", "Handhavandefel",
              ("Betalning till bedragare efter falsk faktura",
               "Inloggningsuppgifter lämnade på falsk webbplats"),
              ("ekonomi", "epost"), severity=(0.1, 0.5, 0.35, 0.05), personal_data=0.1, phishing_season=True),
    _Scenario(0.5, "Bedrägeri", "Okänd",
              ("Misstänkt bedrägeriförsök via telefon – avsändare okänd",),
              ("vaxel",), without_system=0.5, severity=(0.8, 0.2, 0, 0)),
    _Scenario(4, "Tillgänglighet", "Störning i driftmiljön",
              ("Avbrott i e-post", "Fördröjd e-post till externa mottagare",
               "Kalendersynkronisering fungerar inte"),
              ("epost",), severity=(0.4, 0.45, 0.13, 0.02)),
    _Scenario(3, "Tillgänglighet", "Fel i mjuk- eller hårdvara",
              ("Driftstörning i lönesystemet under lönekörning",
               "Ekonomisystemet otillgängligt efter uppdatering",
               "Verksamhetssystemet för socialtjänsten svarar inte",
               "Elevregistret låser sig vid terminsstart", "HR-systemet otillgängligt efter versionsbyte"),
              ("lon", "ekonomi", "social", "elev", "hr", "tid", "diarium"), severity=(0.35, 0.45, 0.17, 0.03),
              waiting=0.05),
    _Scenario(3, "Tillgänglighet", "Störning i extern infrastruktur",
              ("Fiberavbrott i stadsnätet – kommunen utan förbindelse",
               "Avbrott i internetförbindelsen hos operatören",
               "Avbrott i telefonin och växeln hos operatören", "Molntjänst hos leverantör otillgänglig"),
              ("wan", "vaxel", "larplattform", "rekrytering", "video"), severity=(0.3, 0.45, 0.2, 0.05)),
    _Scenario(1, "Tillgänglighet", "Störning i extern infrastruktur",
              ("Strömavbrott i serverhallen", "Strömavbrott på skola – nätverksutrustning nere"),
              ("server", "lan"), severity=(0.1, 0.4, 0.4, 0.1)),
    _Scenario(3, "Tillgänglighet", "Störning i driftmiljön",
              ("Långsamt nätverk på skolor", "Trådlöst nätverk nere i kommunhuset",
               "Avbrott i fjärråtkomst (VPN)", "Filservern svarar långsamt",
               "Diskutrymme slut på databasserver"),
              ("lan", "vpn", "filserver", "server"), severity=(0.45, 0.45, 0.1, 0)),
    _Scenario(2, "Tillgänglighet", "Fel i mjuk- eller hårdvara",
              ("Misslyckad säkerhetskopiering flera nätter i rad", "Diskfel i lagringssystemet",
               "Hårdvarufel i värdserver"),
              ("backup", "lagring", "server"), severity=(0.3, 0.5, 0.17, 0.03)),
    _Scenario(1, "Tillgänglighet", "Handhavandefel",
              ("Certifikat gick ut – webbplatsen otillgänglig",
               "Felkonfiguration stängde ute användare från e-posten",
               "Felaktig ändring i brandväggen bröt förbindelser"),
              ("webb", "epost", "brandvagg", "etjanst"), severity=(0.3, 0.5, 0.2, 0)),
    _Scenario(0.5, "Tillgänglighet", "Angrepp",
              ("Överbelastningsattack (DDoS) mot extern webbplats",
               "Överbelastningsattack mot e-tjänsteplattformen"),
              ("webb", "etjanst"), severity=(0.2, 0.5, 0.3, 0), since=2022),
    _Scenario(0.3, "Tillgänglighet", "Okänd",
              ("Tillfälligt avbrott i nätverket, orsak okänd",),
              ("lan", "wan")),
    _Scenario(4, "Informationssäkerhet", "Handhavandefel",
              ("Mejl med personuppgifter skickat till fel mottagare", "Känslig bilaga skickad okrypterad",
               "Sekretessuppgift i mejl till fel vårdnadshavare"),
              ("epost",), without_system=0.5, severity=(0.4, 0.5, 0.1, 0), personal_data=0.22),
    _Scenario(2.5, "Informationssäkerhet", "Handhavandefel",
              ("Felaktig behörighet i elevregister", "Behörighet kvar för avslutad anställd",
               "För breda behörigheter i ekonomisystemet", "Journal åtkomlig för obehörig personal"),
              ("elev", "ad", "ekonomi", "social", "elevhalsa"), severity=(0.45, 0.45, 0.1, 0),
              personal_data=0.15, waiting=0.08),
    _Scenario(1.5, "Informationssäkerhet", "Handhavandefel",
              ("Borttappad bärbar dator", "Förlorad mobiltelefon med jobbmejl",
               "Stulen surfplatta från hemtjänsten", "Usb-minne med arbetsmaterial borttappat"),
              ("klient", "mdm"), severity=(0.55, 0.4, 0.05, 0), personal_data=0.08),
    _Scenario(1, "Informationssäkerhet", "Fel i mjuk- eller hårdvara",
              ("Lönespecifikationer skickade till fel anställd",
               "Fel i integration visade andra elevers uppgifter",
               "Programfel exponerade ärenden i e-tjänst"),
              ("lon", "elev", "etjanst", "diarium"), severity=(0.2, 0.5, 0.28, 0.02), personal_data=0.35),
    _Scenario(0.8, "Informationssäkerhet", "Handhavandefel",
              ("Sekretessuppgift publicerad på webbplatsen", "Personnummer synligt i publicerat protokoll",
               "Utskrift med känsliga uppgifter kvar i skrivare"),
              ("webb", "diarium", "utskrift"), severity=(0.3, 0.5, 0.2, 0), personal_data=0.35),
    _Scenario(0.5, "Informationssäkerhet", "Okänd",
              ("Misstänkt obehörig läsning i journal – utreds",),
              ("social", "elevhalsa"), severity=(0.2, 0.6, 0.2, 0), personal_data=0.2, resolution=3.0,
              waiting=0.4),
    _Scenario(4, "Skadlig kod", "Angrepp",
              ("Skadlig kod i bifogad fil stoppad av antivirus", "Makrovirus i Office-dokument",
               "Skadlig länk klickad – dator isolerad"),
              ("klient", "epost"), phishing_season=True, resolution=0.7),
    _Scenario(2, "Skadlig kod", "Handhavandefel",
              ("Dator infekterad via nedladdad fil", "Skadligt webbläsartillägg installerat",
               "Infekterat usb-minne anslutet"),
              ("klient",), severity=(0.55, 0.4, 0.05, 0)),
    _Scenario(0.3, "Skadlig kod", "Angrepp",
              ("Misstänkt utpressningsvirus på filserver – isolerad i tid",
               "Utpressningsvirus krypterade filer på en server"),
              ("filserver", "server"), severity=(0, 0.2, 0.5, 0.3), personal_data=0.2, resolution=2.0),
    _Scenario(0.3, "Skadlig kod", "Okänd",
              ("Avvikande trafik från klientdator, orsak okänd",),
              ("klient",)),
    _Scenario(4, "Intrångsförsök", "Angrepp",
              ("Upprepade inloggningsförsök mot VPN", "Lösenordsattack mot e-postkonton",
               "Blockerade intrångsförsök i brandväggen",
               "Inloggningsförsök från utlandet på administratörskonto"),
              ("vpn", "epost", "brandvagg", "ad"), resolution=0.5),
    _Scenario(1.5, "Intrångsförsök", "Angrepp",
              ("MFA-trötthetsattack mot användare", "Upprepade MFA-förfrågningar till medarbetare"),
              ("mfa",), severity=(0.4, 0.5, 0.1, 0), since=2022),
    _Scenario(1.5, "Intrång", "Angrepp",
              ("Kapat e-postkonto skickade nätfiskemejl vidare",
               "Obehörig inloggning på konto i lärplattformen",
               "Obehörig åtkomst till konto via läckt lösenord"),
              ("epost", "larplattform", "ad"), severity=(0.05, 0.45, 0.4, 0.1), personal_data=0.3,
              phishing_season=True),
    _Scenario(0.3, "Intrång", "Handhavandefel",
              ("Delat konto använt av obehörig",),
              ("ad", "larplattform"), severity=(0.3, 0.6, 0.1, 0)),
    _Scenario(0.2, "Intrång", "Okänd",
              ("Okänd inloggning på serverkonto – utreds",),
              ("server",), severity=(0, 0.5, 0.4, 0.1)),
    _Scenario(3, "Informationsinsamling", "Angrepp",
              ("Portskanning mot förbundets nät", "Skanning efter sårbarheter mot webbplatsen"),
              ("brandvagg", "webb"), severity=(0.9, 0.1, 0, 0), resolution=0.3),
    _Scenario(1, "Informationsinsamling", "Angrepp",
              ("Samtal från falsk it-support", "Försök att få ut personuppgifter via telefon"),
              without_system=1.0, severity=(0.6, 0.4, 0, 0), phishing_season=True),
    _Scenario(0.5, "Informationsinsamling", "Okänd",
              ("Okänd enhet ansluten till nätverket",),
              ("lan",)),
    _Scenario(3, "Sårbarhet", "Fel i mjuk- eller hårdvara",
              ("Kritisk sårbarhet i brandväggens programvara – akut uppdatering",
               "Leverantör aviserar säkerhetsbrist i verksamhetssystem",
               "Sårbarhet i e-tjänsteplattformen upptäckt vid skanning",
               "Sårbarhet i VPN-klienten – akut uppdatering"),
              ("brandvagg", "vpn", "etjanst", "social", "elev", "ekonomi", "lon", "diarium"),
              severity=(0.3, 0.5, 0.18, 0.02), resolution=3.0, waiting=0.35),
    _Scenario(1.5, "Sårbarhet", "Handhavandefel",
              ("Ej uppdaterade servrar upptäckta vid inventering",
               "Öppen port mot internet efter felkonfiguration",
               "Standardlösenord kvar på nätverksutrustning"),
              ("server", "brandvagg", "lan"), severity=(0.4, 0.5, 0.1, 0), resolution=3.0, waiting=0.3),
    _Scenario(2, "Otillåtet innehåll", "Angrepp",
              ("Skräppost i stor mängd till funktionsbrevlådor",
               "Hotfullt mejl till förvaltningens brevlåda"),
              ("epost",), severity=(0.8, 0.2, 0, 0)),
    _Scenario(1, "Otillåtet innehåll", "Handhavandefel",
              ("Olämpligt innehåll delat i lärplattformen", "Kränkande inlägg på intranätet"),
              ("larplattform", "intranat"), severity=(0.5, 0.45, 0.05, 0)),
    _Scenario(1.5, "Övrigt", "Okänd",
              ("Larm från loggövervakningen, orsak okänd",
               "Avvikande inloggningsmönster – ingen åtgärd krävdes"),
              ("logg",), severity=(0.8, 0.2, 0, 0), since=2024, waiting=0.05),
    _Scenario(1.5, "Övrigt", "Handhavandefel",
              ("Passerkort borttappat", "Dörr till teknikrum lämnad olåst", "Kontorsnyckel borttappad"),
              ("passage",), without_system=0.3, severity=(0.7, 0.3, 0, 0)),
    _Scenario(1, "Övrigt", "Störning i driftmiljön",
              ("Kylningen i serverhallen larmade", "Fuktlarm i teknikrum"),
              ("server", "lan"), severity=(0.4, 0.5, 0.1, 0)),
    _Scenario(1, "Övrigt", "Fel i mjuk- eller hårdvara",
              ("Utskriftskön stoppad av drivrutinsfel",),
              ("utskrift",), severity=(0.8, 0.2, 0, 0)),
)

# Reporting matured over the years; the mean over 2019–2026 is 1, so incidents_per_year
# is the average of a full year. Later years keep the last value.
_YEARLY_TREND = {2019: 0.80, 2020: 0.90, 2021: 0.95, 2022: 1.00, 2023: 1.05, 2024: 1.08,
                 2025: 1.10, 2026: 1.12}
# Weight of each month (January first): quiet in July, phishing peaks in autumn and winter.
_MONTH_WEIGHTS = np.array([1.05, 1.05, 1.05, 1.0, 1.0, 0.85, 0.5, 0.85, 1.1, 1.1, 1.1, 0.9])
_PHISHING_MONTH_WEIGHTS = np.array([1.2, 1.1, 1.0, 0.9, 0.8, 0.6, 0.35, 0.7, 1.1, 1.35, 1.45, 1.2])
_WEEKEND_WEIGHT = 0.25
# Typical hours to resolve by severity 1..4: the more serious, the faster it is handled.
_RESOLUTION_HOURS = np.array([26.0, 10.0, 5.0, 3.0])
# Who reports an incident that is not tied to one municipality's system.
_REPORTER_WEIGHTS = {"Arboga": 0.22, "Köping": 0.33, "Kungsör": 0.15, "Surahammar": 0.08, "Gemensam": 0.22}
# Among incidents in a shared system, how often a member rather than the association itself reports.
_SHARED_SYSTEM_REPORTERS = {"Arboga": 0.18, "Köping": 0.25, "Kungsör": 0.12, "Surahammar": 0.10,
                            "Gemensam": 0.35}
_SIGNIFICANT_CATEGORIES = ("Tillgänglighet", "Skadlig kod", "Intrång")
_SIGNIFICANT_SHARE = 0.15  # of the serious incidents in critical systems that could be significant
_LATE_BREACH_REPORT_SHARE = 0.15


def _trend(year: int) -> float:
    return _YEARLY_TREND.get(year, _YEARLY_TREND[max(_YEARLY_TREND)])


def _covered_years(until: dt.date) -> float:
    """The years from START to ``until``, each weighted by its trend and the share of it covered."""
    weight = 0.0
    for year in range(START.year, until.year + 1):
        first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), until)
        days_in_year = (dt.date(year + 1, 1, 1) - first).days
        weight += _trend(year) * ((last - first).days + 1) / days_in_year
    return weight


def _rng(seed: int, stream: str) -> np.random.Generator:
    # Only Generator.random() is drawn from: its stream is the most stable across numpy versions.
    return np.random.default_rng([seed, zlib.crc32(stream.encode())])


def _pick(u: np.ndarray, weights) -> np.ndarray:
    """Index drawn from ``weights`` for each uniform number in ``u``."""
    cumulative = np.cumsum(np.asarray(weights, dtype=float))
    index = np.searchsorted(cumulative / cumulative[-1], u, side="right")
    return np.minimum(index, len(cumulative) - 1)


def _normal(rng: np.random.Generator, n: int) -> np.ndarray:
    """Standard normal numbers by Box–Muller from uniform ones."""
    u1, u2 = 1.0 - rng.random(n), rng.random(n)
    return np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)


def _poisson(u: np.ndarray, mean: np.ndarray, cap: int) -> np.ndarray:
    """Poisson counts (at most ``cap``) by inverting the distribution at ``u``."""
    count = np.zeros(u.shape, dtype=np.int64)
    term = np.exp(-mean)
    cumulative = term.copy()
    for k in range(1, cap + 1):
        count += u > cumulative
        term = term * mean / k
        cumulative = cumulative + term
    return count


def _incident_columns(rng: np.random.Generator, systems: list[_System], system_ids: list[str],
                      incidents_per_year: float, until: dt.date) -> dict:
    n = round(incidents_per_year * _covered_years(until))
    days = np.arange(np.datetime64(START, "D"), np.datetime64(until, "D") + 1)
    day_years = days.astype("datetime64[Y]").astype(np.int64) + 1970
    day_months = days.astype("datetime64[M]").astype(np.int64) % 12
    weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0
    trend = np.array([_trend(year) for year in range(START.year, until.year + 1)])
    day_weight = trend[day_years - START.year] * np.where(weekday >= 5, _WEEKEND_WEIGHT, 1.0)

    families = np.array([s.family for s in systems])
    scenario = _pick(rng.random(n), [s.weight * (s.since <= until.year) for s in _SCENARIOS])
    day = np.zeros(n, dtype=np.int64)
    system = np.full(n, -1, dtype=np.int64)  # -1: no system
    severity = np.zeros(n, dtype=np.int64)
    personal_data = np.zeros(n, dtype=bool)
    title_index = np.zeros(n, dtype=np.int64)
    titles: list[str] = []
    for number, spec in enumerate(_SCENARIOS):
        rows = np.flatnonzero(scenario == number)
        first_title = len(titles)
        titles.extend(spec.titles)
        if rows.size == 0:
            continue
        months = _PHISHING_MONTH_WEIGHTS if spec.phishing_season else _MONTH_WEIGHTS
        weights = day_weight * months[day_months] * (day_years >= spec.since)
        day[rows] = _pick(rng.random(rows.size), weights)
        candidates = np.flatnonzero(np.isin(families, spec.systems))
        if candidates.size:
            chosen = candidates[np.minimum((rng.random(rows.size) * candidates.size).astype(np.int64),
                                           candidates.size - 1)]
            system[rows] = np.where(rng.random(rows.size) < spec.without_system, -1, chosen)
        severity[rows] = _pick(rng.random(rows.size), spec.severity) + 1
        personal_data[rows] = rng.random(rows.size) < spec.personal_data
        title_index[rows] = first_title + np.minimum(
            (rng.random(rows.size) * len(spec.titles)).astype(np.int64), len(spec.titles) - 1)

    # Most incidents are reported in office hours, some at any time of day.
    office = np.clip(630 + 150 * _normal(rng, n), 390, 1080)
    minute_of_day = np.where(rng.random(n) < 0.8, office, rng.random(n) * 1440).astype(np.int64)
    reported = day * 1440 + minute_of_day

    municipality = _reporting_municipality(rng, systems, system)

    hours = (_RESOLUTION_HOURS[severity - 1] * np.array([s.resolution for s in _SCENARIOS])[scenario]
             * np.exp(0.9 * _normal(rng, n)))
    waiting = rng.random(n) < np.array([s.waiting for s in _SCENARIOS])[scenario]
    hours = np.where(waiting, 24 * (14 + 166 * rng.random(n)), hours)
    resolved = reported + np.maximum(5, np.round(hours * 60)).astype(np.int64)

    # Significant incidents exist from the day the cybersecurity act took effect.
    act_minute = (CYBERSECURITY_ACT - START).days * 1440
    category = np.array([s.category for s in _SCENARIOS])[scenario]
    critical = [s.infrastructure or s.sla_tier == "Guld" for s in systems]
    critical_system = np.array([*critical, False])[system]  # index -1 (no system) picks False
    eligible = (reported >= act_minute) & np.isin(category, _SIGNIFICANT_CATEGORIES) & critical_system
    significant = eligible & (severity >= 3) & (rng.random(n) < _SIGNIFICANT_SHARE)

    breach_delay = np.where(rng.random(n) < _LATE_BREACH_REPORT_SHARE,
                            74 + rng.random(n) * 120, 3 + rng.random(n) * 67)
    warning_delay = 1 + rng.random(n) * 21

    order = np.argsort(reported, kind="stable")
    reported, resolved, scenario, system, severity = (
        reported[order], resolved[order], scenario[order], system[order], severity[order])
    personal_data, significant, municipality, title_index = (
        personal_data[order], significant[order], municipality[order], title_index[order])
    breach_delay, warning_delay = breach_delay[order], warning_delay[order]

    # In time order every fifth significant incident, from the third on, misses the 24 hours.
    late_warning = np.zeros(n, dtype=bool)
    late_warning[np.flatnonzero(significant)[2::5]] = True
    warning_delay = np.where(late_warning, 26 + warning_delay * 1.5, warning_delay)
    authority_delay = np.where(significant, warning_delay, breach_delay)
    to_authority = np.where(significant | personal_data,
                            reported + np.round(authority_delay * 60).astype(np.int64), -1)

    # Nothing has happened after the last day: such resolutions and reports are still to come.
    end = ((until - START).days + 1) * 1440
    resolved = np.where(resolved < end, resolved, -1)
    to_authority = np.where(to_authority < end, to_authority, -1)

    years = (np.datetime64(START, "m") + reported.astype("timedelta64[m]")).astype("datetime64[Y]")
    years = years.astype(np.int64) + 1970
    first_of_year = np.searchsorted(years, years, side="left")
    number_in_year = np.arange(n) - first_of_year + 1
    width = max(4, len(str(int(number_in_year.max())))) if n else 4
    incident_ids = [f"INC-{y}-{k:0{width}d}" for y, k in zip(years.tolist(), number_in_year.tolist())]

    return {
        "incident_id": incident_ids,
        "title": np.array(titles, dtype=object)[title_index],
        "reported_at": _minutes_to_timestamps(reported),
        "resolved_at": _minutes_to_timestamps(resolved),
        "municipality": np.array(_MUNICIPALITIES, dtype=object)[municipality],
        # Index -1 picks the trailing empty id: no system.
        "system_id": np.array([*system_ids, None], dtype=object)[system],
        "category": np.array([s.category for s in _SCENARIOS], dtype=object)[scenario],
        "cause": np.array([s.cause for s in _SCENARIOS], dtype=object)[scenario],
        "severity": severity,
        "personal_data_breach": personal_data,
        "significant": significant,
        "reported_to_authority_at": _minutes_to_timestamps(to_authority),
    }


_MUNICIPALITIES = (*MEMBER_MUNICIPALITIES, _SHARED)


def _reporting_municipality(rng: np.random.Generator, systems: list[_System],
                            system: np.ndarray) -> np.ndarray:
    """For each incident, the index in _MUNICIPALITIES of who reports it: the owner of a
    municipality's system, anyone served by a shared one."""
    weights = []
    for s in systems:
        if s.municipality != _SHARED:
            weights.append([float(m == s.municipality) for m in _MUNICIPALITIES])
        else:
            served = (*_served_municipalities(s), _SHARED)
            weights.append([_SHARED_SYSTEM_REPORTERS[m] * (m in served) for m in _MUNICIPALITIES])
    weights.append([_REPORTER_WEIGHTS[m] for m in _MUNICIPALITIES])  # index -1: no system
    cumulative = np.cumsum(np.array(weights), axis=1)
    cumulative /= cumulative[:, -1:]
    return np.minimum((rng.random(system.size)[:, None] >= cumulative[system]).sum(axis=1),
                      len(_MUNICIPALITIES) - 1)


def _minutes_to_timestamps(minutes: np.ndarray) -> np.ndarray:
    """Minutes since START as datetime64[m]; -1 becomes NaT."""
    stamps = np.datetime64(START, "m") + minutes.astype("timedelta64[m]")
    return np.where(minutes >= 0, stamps, np.datetime64("NaT"))


# --- Service levels ---------------------------------------------------------------------------

_TARGET = {"Guld": 99.5, "Silver": 99.0, "Brons": 99.0}
_OUTAGES_PER_MONTH = {"Guld": 0.22, "Silver": 0.3, "Brons": 0.35}
_LOCAL_OUTAGES_PER_MONTH = 0.04  # e.g. one school's network, on top of the system's own
_OUTAGE_MEDIAN_MINUTES, _OUTAGE_SPREAD = 30.0, 1.1
_TICKETS_PER_MONTH = {"Infrastruktur": 14, "Ekonomi": 9, "HR och lön": 11, "Skola": 8, "Vård och omsorg": 10,
                      "Ärendehantering": 5, "Kommunikation": 12, "Webb": 4, "Samhällsbyggnad": 3, "Övrigt": 5}
_MUNICIPALITY_SIZE = {"Arboga": 0.6, "Köping": 1.0, "Kungsör": 0.4, "Surahammar": 0.4}
_TICKETS_WITHIN_TARGET = {"Guld": 0.94, "Silver": 0.91, "Brons": 0.87}
_TICKET_MONTH_WEIGHTS = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.45, 0.9, 1.1, 1.0, 1.0, 0.8])


def _last_complete_month(until: dt.date) -> dt.date:
    if (until + dt.timedelta(days=1)).day == 1:
        return until.replace(day=1)
    return (until.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _sla_columns(rng: np.random.Generator, systems: list[_System], system_ids: list[str],
                 until: dt.date) -> dict:
    months = np.arange(np.datetime64(SLA_START, "M"), np.datetime64(_last_complete_month(until), "M") + 1)
    tiered = [i for i, s in enumerate(systems) if s.sla_tier]
    pair_system, pair_municipality, pair_tiered = [], [], []
    for position, i in enumerate(tiered):
        for municipality in _served_municipalities(systems[i]):
            pair_system.append(i)
            pair_municipality.append(municipality)
            pair_tiered.append(position)
    pair_system, pair_tiered = np.array(pair_system, dtype=np.int64), np.array(pair_tiered, dtype=np.int64)
    n_months, n_tiered, n_pairs = months.size, len(tiered), len(pair_system)
    if n_months == 0 or n_pairs == 0:
        return {c.name: [] for c in contracts.SLA.columns}

    month_days = (months + 1).astype("datetime64[D]") - months.astype("datetime64[D]")
    month_minutes = month_days.astype(np.int64) * 1440
    month_year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month_of_year = months.astype(np.int64) % 12
    # Operations got steadier as the SLAs were followed up.
    steadier = np.clip(1.1 - 0.05 * (month_year - SLA_START.year), 0.6, 1.1)

    # A system's own outages hit every municipality it serves.
    rate = np.array([_OUTAGES_PER_MONTH[systems[i].sla_tier] for i in tiered])
    shared_count = _poisson(rng.random((n_months, n_tiered)), steadier[:, None] * rate[None, :], cap=6)
    shared_minutes = _outage_minutes(rng, shared_count)
    local_count = _poisson(rng.random((n_months, n_pairs)),
                           np.full((n_months, n_pairs), _LOCAL_OUTAGES_PER_MONTH), cap=3)
    outages = shared_count[:, pair_tiered] + local_count
    minutes = np.minimum(shared_minutes[:, pair_tiered] + _outage_minutes(rng, local_count),
                         month_minutes[:, None])
    availability = np.round(100.0 * (1.0 - minutes / month_minutes[:, None]), 3)

    base_tickets = np.array([_TICKETS_PER_MONTH[s.category] for s in systems]) * np.exp(
        0.4 * _normal(rng, len(systems)))
    size = np.array([_MUNICIPALITY_SIZE[m] for m in pair_municipality])
    expected = (base_tickets[pair_system] * size)[None, :] * _TICKET_MONTH_WEIGHTS[month_of_year][:, None]
    tickets = np.maximum(0, np.round(expected + np.sqrt(expected) * _normal(rng, expected.size).reshape(
        expected.shape))).astype(np.int64)
    share = (np.array([_TICKETS_WITHIN_TARGET[systems[i].sla_tier] for i in pair_system])[None, :]
             + 0.005 * (month_year - SLA_START.year)[:, None])
    share = np.minimum(share, 0.98)
    spread = np.sqrt(tickets * share * (1 - share))
    within = np.clip(np.round(tickets * share + spread * _normal(rng, tickets.size).reshape(tickets.shape)),
                     0, tickets).astype(np.int64)

    target = np.array([_TARGET[systems[i].sla_tier] for i in pair_system])
    system_ids_by_pair = np.array(system_ids, dtype=object)[pair_system]
    return {
        "month": np.repeat(months, n_pairs),
        "system_id": np.tile(system_ids_by_pair, n_months),
        "municipality": np.tile(np.array(pair_municipality, dtype=object), n_months),
        "availability_target_pct": np.tile(target, n_months),
        "availability_pct": availability.ravel(),
        "outages": outages.ravel(),
        "outage_minutes": minutes.ravel().astype(np.int64),
        "tickets": tickets.ravel(),
        "tickets_within_target": within.ravel(),
    }


def _outage_minutes(rng: np.random.Generator, counts: np.ndarray) -> np.ndarray:
    """Total whole minutes of ``counts`` outages per cell, each of log-normal length."""
    flat = counts.ravel()
    owner = np.repeat(np.arange(flat.size), flat)
    lengths = np.round(_OUTAGE_MEDIAN_MINUTES * np.exp(_OUTAGE_SPREAD * _normal(rng, owner.size)))
    lengths = np.maximum(1, lengths)
    return np.bincount(owner, weights=lengths, minlength=flat.size).reshape(counts.shape)


# --- Information classification ---------------------------------------------------------------

# Typical K, R, T, S per system category (KLASSA levels 0–4).
_CLASSIFICATION_LEVELS = {
    "Ekonomi": (2, 3, 2, 3), "HR och lön": (3, 3, 2, 2), "Skola": (3, 2, 2, 2),
    "Vård och omsorg": (4, 3, 3, 3), "Ärendehantering": (2, 3, 2, 3), "Kommunikation": (2, 2, 3, 1),
    "Infrastruktur": (2, 3, 3, 2), "Webb": (1, 2, 2, 1), "Samhällsbyggnad": (1, 2, 1, 1),
    "Övrigt": (1, 1, 1, 1),
}
_SENSITIVE_CATEGORIES = ("Vård och omsorg", "HR och lön", "Skola")
_CLASSIFICATION_YEARS = (2021, 2022, 2023, 2024, 2025, 2026, None)  # None: not yet classified
# Year of the first classification by priority (SLA tier, plus one for sensitive data): the
# most central systems were classified with the 2023 continuity plans, the rest only later.
_FIRST_CLASSIFICATION = {
    4: (0.30, 0.20, 0.40, 0.10, 0.00, 0.00, 0.00),
    3: (0.08, 0.15, 0.45, 0.22, 0.10, 0.00, 0.00),
    2: (0.02, 0.05, 0.10, 0.30, 0.30, 0.15, 0.08),
    1: (0.00, 0.00, 0.05, 0.15, 0.30, 0.30, 0.20),
    0: (0.00, 0.00, 0.00, 0.05, 0.20, 0.30, 0.45),
}
_TIER_PRIORITY = {"Guld": 3, "Silver": 2, "Brons": 1, None: 0}


def _classification_columns(rnd: random.Random, systems: list[_System], system_ids: list[str],
                            until: dt.date) -> dict:
    rows = []
    for system, system_id in zip(systems, system_ids):
        priority = min(4, _TIER_PRIORITY[system.sla_tier] + (system.category in _SENSITIVE_CATEGORIES))
        year = rnd.choices(_CLASSIFICATION_YEARS, _FIRST_CLASSIFICATION[priority])[0]
        if year is None:
            continue
        on = _workday(dt.date(year, 1, 1) + dt.timedelta(days=rnd.randrange(365)))
        # Infrastructure that everything else runs on is never below T3.
        lowest = (0, 0, 3 if system.infrastructure else 0, 0)
        levels = list(_CLASSIFICATION_LEVELS[system.category])
        if system.infrastructure:
            levels[2] = 4 if system.sla_tier == "Guld" else 3
        levels = _within(lowest, [level + rnd.choice((-1, 0, 0, 0, 1)) for level in levels])
        measures = rnd.randint(12, 40)
        met = round(measures * rnd.uniform(0.25, 0.6))
        while on <= until:
            review = _add_years(on, 1)
            rows.append((system_id, on, *levels, review, round(100 * met / measures, 1)))
            # Reviews became more regular after the audit; a missed one may be caught up late.
            if rnd.random() < (0.5 if review.year <= 2023 else 0.8):
                on = _workday(review + dt.timedelta(days=rnd.randint(-40, 60)))
            elif rnd.random() < 0.5:
                on = _workday(review + dt.timedelta(days=rnd.randint(120, 400)))
            else:
                break
            levels = _within(lowest, [level + (rnd.random() < 0.15) * rnd.choice((-1, 1))
                                      for level in levels])
            met = min(measures, met + rnd.randint(1, 5))
    # Rows hold the values in the contract's column order.
    return {name: [row[i] for row in rows] for i, name in enumerate(contracts.CLASSIFICATIONS.column_names)}


def _within(lowest: tuple[int, ...], levels: list[int]) -> list[int]:
    return [min(4, max(low, level)) for low, level in zip(lowest, levels)]


def _workday(day: dt.date) -> dt.date:
    """The day, or the Monday after it if it falls on a weekend."""
    return day + dt.timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- Risk register ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Risk:
    title: str
    description: str
    area: str
    system: tuple[str, str] | None  # (family, municipality) of the system concerned
    owner: str
    assessments: tuple[dict, ...]  # each names what changed since the previous assessment


def _a(on: str, likelihood: int, consequence: int, **changes) -> dict:
    return {"assessed_on": on, "likelihood": likelihood, "consequence": consequence, **changes}


def _act(treatment, action, owner, due, status, residual=None) -> dict:
    """A treatment decision: the action, who does it, by when, its status and the residual risk."""
    return {"treatment": treatment, "action": action, "action_owner": owner, "due_date": due,
            "action_status": status, "residual_likelihood": residual and residual[0],
            "residual_consequence": residual and residual[1]}


# The register starts right after the audit (none existed before); rounds follow each
# spring and autumn, high risks every half year, the others yearly.
_RISKS = (
    _Risk("Utpressningsvirus krypterar servrar och säkerhetskopior",
          "På grund av att nätfiskemejl och sårbarheter i exponerade tjänster utnyttjas inträffar en attack "
          "med utpressningsvirus som krypterar servrar och anslutna säkerhetskopior, vilket leder till att "
          "verksamhetssystemen i alla medlemskommuner står still i flera veckor och att personuppgifter kan "
          "läcka.",
          "IT-infrastruktur", ("server", _SHARED), "IT-chef VMKF", (
              _a("2023-12-19", 3, 4),
              _a("2024-02-20", 3, 4, **_act(
                  "Reducera", "Införa oföränderliga säkerhetskopior och segmentera servernätet",
                  "Driftchef VMKF", "2024-12-31", "Pågår", (2, 3))),
              _a("2024-09-17", 3, 4),
              _a("2025-03-18", 3, 4, action_status="Försenad"),
              _a("2025-09-16", 2, 4, **_act(
                  "Reducera", "Öva återläsning av hela servermiljön från säkerhetskopior",
                  "Driftchef VMKF", "2026-06-30", "Pågår", (2, 3))),
              _a("2026-03-17", 2, 4),
              _a("2026-09-15", 2, 4, action_status="Försenad"),
          )),
    _Risk("Angripare tar över Active Directory",
          "På grund av att administratörskonton saknar separata inloggningar och tvåfaktorsautentisering "
          "inträffar att en angripare tar över domänadministratörsbehörighet, vilket leder till full "
          "kontroll över alla kommuners system och data.",
          "IT-infrastruktur", ("ad", _SHARED), "IT-chef VMKF", (
              _a("2023-12-19", 3, 4),
              _a("2024-02-20", 3, 4, **_act(
                  "Reducera",
                  "Införa nivåindelade administratörskonton och MFA för alla privilegierade konton",
                  "Systemtekniker VMKF", "2024-10-31", "Pågår", (1, 4))),
              _a("2024-09-17", 3, 4),
              _a("2025-03-18", 2, 4, action_status="Klar"),
              _a("2025-09-16", 2, 4),
              _a("2026-03-17", 1, 4),
          )),
    _Risk("Enda brandväggen saknar redundans",
          "På grund av att förbundet har en enda brandvägg mot internet utan reserv inträffar ett längre "
          "avbrott vid hårdvarufel eller en misslyckad uppdatering, vilket leder till att samtliga kommuner "
          "förlorar åtkomst till internet och molntjänster.",
          "IT-infrastruktur", ("brandvagg", _SHARED), "IT-chef VMKF", (
              _a("2024-02-20", 2, 3, **_act(
                  "Reducera", "Köpa in en andra brandvägg och driva dem i kluster",
                  "Nätverkstekniker VMKF", "2024-12-31", "Ej påbörjad", (1, 3))),
              _a("2025-03-18", 2, 3, action_status="Pågår", due_date="2025-06-30"),
              _a("2025-09-16", 1, 3, action_status="Klar"),
              _a("2026-09-15", 1, 3),
          )),
    _Risk("Säkerhetskopior går inte att återläsa",
          "På grund av att återläsning från säkerhetskopior inte prövas regelbundet inträffar att "
          "säkerhetskopiorna visar sig vara ofullständiga när de behövs, vilket leder till att data går "
          "förlorad och att återställningen tar lång tid.",
          "IT-infrastruktur", ("backup", _SHARED), "IT-chef VMKF", (
              _a("2024-02-20", 3, 3, **_act(
                  "Reducera", "Införa kvartalsvisa återläsningstester med protokoll",
                  "Driftchef VMKF", "2024-06-30", "Pågår", (1, 3))),
              _a("2024-09-17", 2, 3, action_status="Klar"),
              _a("2025-09-16", 1, 3),
              _a("2026-09-15", 1, 3),
          )),
    _Risk("Strömavbrott slår ut serverhallen",
          "På grund av att reservkraften i serverhallen i Köping bara räcker i 20 minuter och att "
          "reservelverk saknas inträffar driftstopp vid längre strömavbrott, vilket leder till att alla "
          "gemensamma system är otillgängliga tills strömmen är tillbaka.",
          "Fysisk säkerhet", ("server", _SHARED), "Förbundschef VMKF", (
              _a("2024-02-20", 2, 4, **_act(
                  "Reducera", "Installera reservelverk vid serverhallen",
                  None, None, "Ej påbörjad", (1, 4))),
              _a("2024-09-17", 2, 4),
              _a("2025-03-18", 2, 4, action="Utreda reservelverk eller flytt till extern serverhall",
                 due_date="2025-12-31"),
              _a("2025-09-16", 2, 4),
              _a("2026-03-17", 2, 4),
              _a("2026-09-15", 2, 4),
          )),
    _Risk("Lönesystemets leverantör har långvarigt avbrott",
          "På grund av att lönesystemet drivs som molntjänst hos en enda leverantör inträffar ett längre "
          "avbrott hos leverantören under lönekörningen, vilket leder till att löner till anställda i alla "
          "kommuner betalas ut för sent.",
          "Leverantörer", ("lon", _SHARED), "Lönechef VMKF", (
              _a("2024-02-20", 2, 3, **_act(
                  "Överföra", "Skriva in krav på tillgänglighet och vite i avtalet vid förnyelsen",
                  "Upphandlingschef VMKF", "2025-06-30", "Pågår", (2, 2))),
              _a("2025-03-18", 2, 3),
              _a("2025-09-16", 2, 2, action_status="Klar"),
              _a("2026-09-15", 2, 2),
          )),
    _Risk("Kända sårbarheter i ej uppdaterade system utnyttjas",
          "På grund av att säkerhetsuppdateringar av servrar och nätverksutrustning installeras manuellt "
          "och oregelbundet inträffar att kända sårbarheter utnyttjas, vilket leder till intrång och "
          "driftstörningar.",
          "IT-infrastruktur", None, "IT-chef VMKF", (
              _a("2024-02-20", 3, 3, **_act(
                  "Reducera", "Införa automatiserad uppdateringshantering med månatlig rapport",
                  "Systemtekniker VMKF", "2024-12-31", "Pågår", (2, 3))),
              _a("2024-09-17", 3, 3),
              _a("2025-03-18", 3, 3, action_status="Försenad"),
              _a("2025-09-16", 3, 3, action_status="Pågår", due_date="2026-03-31"),
              _a("2026-03-17", 2, 3, action_status="Klar"),
              _a("2026-09-15", 2, 3),
          )),
    _Risk("Nyckelpersoner inom drift slutar eller blir sjuka",
          "På grund av att kunskapen om nätverk och serverdrift finns hos ett fåtal personer inträffar att "
          "en eller flera nyckelpersoner slutar eller blir långvarigt sjuka, vilket leder till att fel inte "
          "kan åtgärdas och att förändringsarbetet stannar av.",
          "Organisation", None, "Förbundschef VMKF", (
              _a("2024-02-20", 3, 3, **_act(
                  "Reducera", "Dokumentera driftmiljön och utse ersättare för varje nyckelroll",
                  "IT-chef VMKF", "2025-06-30", "Pågår", (2, 3))),
              _a("2024-09-17", 3, 3),
              _a("2025-03-18", 3, 3),
              # Outside the autumn 2025 analysis's scope, and missed in that round: overdue.
              _a("2026-03-17", 3, 3, action_status="Försenad"),
              _a("2026-09-15", 3, 3),
          )),
    _Risk("Ansvaret mellan förbundet och medlemskommunerna är oklart",
          "På grund av att gränsdragningen mellan förbundet och medlemskommunerna i "
          "informationssäkerhetsarbetet inte är beslutad inträffar att ingen tar ansvar för klassning och "
          "riskanalys av kommunernas system, vilket leder till att skyddet inte motsvarar behoven.",
          "Organisation", None, "Förbundschef VMKF", (
              _a("2024-02-20", 4, 3, **_act(
                  "Reducera", "Ta fram förslag till ansvarsfördelning för beslut i förbundsdirektionen",
                  "Förbundschef VMKF", "2024-12-31", "Pågår", (2, 3))),
              _a("2024-09-17", 4, 3),
              _a("2025-03-18", 4, 3, action_status="Försenad"),
              _a("2025-09-16", 3, 3, action_status="Pågår", due_date="2026-06-30"),
              _a("2026-03-17", 3, 3),
              _a("2026-09-15", 3, 3, action_status="Försenad"),
          )),
    _Risk("System saknar informationsklassning",
          "På grund av att informationsklassning inte görs systematiskt inträffar att system med känsliga "
          "uppgifter saknar rätt skyddsnivå, vilket leder till att sekretessbelagda uppgifter kan röjas.",
          "Informationssäkerhet", None, "IT-chef VMKF", (
              _a("2024-02-20", 3, 3, **_act(
                  "Reducera",
                  "Klassa alla system med SLA-nivå enligt KLASSA och följa upp klassningarna årligen",
                  "IT-chef VMKF", "2025-12-31", "Pågår", (2, 3))),
              _a("2024-09-17", 3, 3),
              _a("2025-03-18", 3, 3, action_owner="Informationssäkerhetssamordnare VMKF"),
              _a("2025-09-16", 2, 3),
              _a("2026-03-17", 2, 3, due_date="2026-12-31"),
              _a("2026-09-15", 2, 3),
          )),
    _Risk("Nätfiske leder till kapade konton",
          "På grund av att medarbetare dagligen får riktade nätfiskemejl inträffar att inloggningsuppgifter "
          "lämnas ut, vilket leder till att angripare får tillgång till e-post och personuppgifter.",
          "Informationssäkerhet", ("epost", _SHARED), "IT-chef VMKF", (
              _a("2024-02-20", 4, 3, **_act(
                  "Reducera", "Införa MFA för alla användare och årlig utbildning om nätfiske",
                  "IT-chef VMKF", "2024-09-30", "Pågår", (2, 3))),
              _a("2024-09-17", 3, 3, **_act(
                  "Reducera", "Nätfiskeövningar för alla medarbetare två gånger per år",
                  "Informationssäkerhetssamordnare VMKF", "2025-12-31", "Ej påbörjad", (2, 3))),
              _a("2025-03-18", 3, 3, action_status="Pågår"),
              _a("2025-09-16", 2, 3, action_status="Klar"),
              _a("2026-09-15", 2, 3),
          )),
    _Risk("Stadsnätet mellan kommunerna saknar reservväg",
          "På grund av att förbindelserna mellan kommunerna går i en enda fiberväg inträffar avbrott vid "
          "grävskador, vilket leder till att en hel kommun förlorar åtkomst till de gemensamma systemen.",
          "IT-infrastruktur", ("wan", _SHARED), "IT-chef VMKF", (
              _a("2024-02-20", 3, 3, **_act(
                  "Reducera", "Upphandla redundanta förbindelser till Arboga och Kungsör",
                  "Nätverkstekniker VMKF", "2025-12-31", "Ej påbörjad", (3, 2))),
              _a("2024-09-17", 3, 3),
              _a("2025-03-18", 3, 3, treatment="Acceptera", action_status="Pågår",
                 accepted_by="Förbundsdirektionen 2025-02-12 § 8",
                 acceptance_reason="Redundanta förbindelser kräver en investering som ryms först i "
                                   "budget 2026; risken bärs tills förbindelserna är upphandlade.",
                 accepted_until="2026-06-30"),
              _a("2025-09-16", 3, 3),
              _a("2026-03-17", 3, 3, action_status="Försenad"),
              _a("2026-09-15", 3, 3),
          )),
    _Risk("Obehöriga läser journaler i socialtjänsten",
          "På grund av att behörigheter inte följs upp när medarbetare byter tjänst inträffar att obehöriga "
          "läser journaler, vilket leder till brott mot sekretessen och personuppgiftsincidenter.",
          "Verksamhetssystem", ("social", "Köping"), "Socialchef Köping", (
              _a("2024-09-17", 3, 4, **_act(
                  "Reducera", "Införa kvartalsvis behörighetsgenomgång och loggkontroll",
                  "Systemförvaltare socialtjänst Köping", "2025-03-31", "Pågår", (1, 4))),
              _a("2025-03-18", 3, 4),
              _a("2025-09-16", 2, 4, action_status="Klar"),
              _a("2026-03-17", 2, 4),
              _a("2026-09-15", 1, 4),
          )),
    _Risk("Bedragare får betalningar till fel konto",
          "På grund av att ändrade bankuppgifter för leverantörer inte alltid kontrolleras inträffar att "
          "bedragare får betalningar till fel konto, vilket leder till ekonomisk förlust.",
          "Verksamhetssystem", ("ekonomi", _SHARED), "Ekonomichef VMKF", (
              _a("2024-02-20", 3, 2, **_act(
                  "Reducera", "Kontrollera ändrade bankuppgifter via känt telefonnummer",
                  "Redovisningschef VMKF", "2024-04-30", "Pågår", (1, 2))),
              _a("2024-09-17", 1, 2, action_status="Klar"),
              _a("2025-09-16", 1, 2, status="Stängd"),
          )),
    _Risk("Telefonväxeln saknar support",
          "På grund av att telefonväxeln har passerat sin livslängd och leverantören upphör med support "
          "inträffar ett längre avbrott som inte går att reparera, vilket leder till att invånare inte når "
          "kommunerna och att samtal från trygghetslarm försvåras.",
          "Leverantörer", ("vaxel", _SHARED), "IT-chef VMKF", (
              _a("2024-02-20", 2, 3, **_act(
                  "Undvika", "Byta till molnbaserad växel",
                  "IT-chef VMKF", "2025-06-30", "Pågår", (1, 3))),
              _a("2025-03-18", 2, 3),
              _a("2025-09-16", 1, 3, action_status="Klar"),
              _a("2026-03-17", 1, 3, status="Stängd"),
          )),
    _Risk("Obehöriga kommer åt nätverksskåp på skolor",
          "På grund av att nätverksskåp på flera skolor står olåsta inträffar att obehöriga kopplar in eller "
          "stänger av utrustning, vilket leder till avbrott och risk för avlyssning.",
          "Fysisk säkerhet", ("lan", _SHARED), "IT-chef VMKF", (
              _a("2024-02-20", 3, 2, **_act(
                  "Reducera", "Låsa alla nätverksskåp och föra nyckellista",
                  "Nätverkstekniker VMKF", "2024-12-31", "Pågår", (1, 2))),
              _a("2025-03-18", 1, 2, action_status="Klar"),
              _a("2026-03-17", 1, 2, status="Stängd"),
          )),
    _Risk("Intrång upptäcks inte eftersom loggar saknas",
          "På grund av att loggar från servrar och brandvägg inte samlas centralt inträffar att intrång "
          "inte upptäcks eller inte kan utredas, vilket leder till större skada och att incidenter inte "
          "rapporteras i tid.",
          "Informationssäkerhet", ("logg", _SHARED), "IT-chef VMKF", (
              _a("2024-09-17", 3, 3, **_act(
                  "Reducera", "Införa central logginsamling med larm",
                  "Systemtekniker VMKF", "2025-09-30", "Pågår", (2, 3))),
              _a("2025-03-18", 3, 3),
              _a("2025-09-16", 2, 3, action_status="Klar"),
              _a("2026-09-15", 2, 3),
          )),
    _Risk("Betydande incidenter rapporteras inte i tid",
          "På grund av att incidentrutinen inte är anpassad till cybersäkerhetslagen inträffar att "
          "betydande incidenter inte rapporteras inom 24 timmar, vilket leder till sanktionsavgift och "
          "förlorat förtroende.",
          "Organisation", None, "Förbundschef VMKF", (
              _a("2025-03-18", 3, 3, **_act(
                  "Reducera", "Revidera incidentrutinen och öva rapportering till CSIRT",
                  "Informationssäkerhetssamordnare VMKF", "2025-12-31", "Pågår", (1, 3))),
              _a("2025-09-16", 3, 3),
              _a("2026-03-17", 2, 3, action_status="Klar"),
              _a("2026-09-15", 2, 3),
          )),
    _Risk("Angripare tar sig in via leverantörers fjärråtkomst",
          "På grund av att flera leverantörer har ständigt öppen fjärråtkomst till verksamhetssystem "
          "inträffar att en angripare tar sig in via en leverantör, vilket leder till intrång i system med "
          "känsliga personuppgifter.",
          "Leverantörer", ("vpn", _SHARED), "IT-chef VMKF", (
              _a("2024-09-17", 2, 4, **_act(
                  "Reducera",
                  "Tillåta leverantörers fjärråtkomst bara via VPN med MFA och tidsbegränsad öppning",
                  None, None, "Ej påbörjad")),
              _a("2025-03-18", 2, 4, action_owner="Systemtekniker VMKF", due_date="2025-12-31",
                 action_status="Pågår", residual_likelihood=1, residual_consequence=4),
              _a("2025-09-16", 2, 4),
              # Not re-assessed in the autumn 2026 round: overdue in 2026.
              _a("2026-03-17", 2, 4, action_status="Försenad"),
          )),
    _Risk("Personuppgifter skickas till fel mottagare",
          "På grund av att e-post med personuppgifter skickas manuellt inträffar att uppgifter hamnar hos "
          "fel mottagare, vilket leder till personuppgiftsincidenter och brott mot sekretessen.",
          "Informationssäkerhet", ("epost", _SHARED), "IT-chef VMKF", (
              _a("2024-02-20", 4, 2, **_act(
                  "Reducera", "Varna för externa mottagare och utbilda medarbetare",
                  "IT-chef VMKF", "2024-12-31", "Pågår", (3, 2))),
              _a("2025-03-18", 3, 2, action_status="Klar"),
              _a("2026-03-17", 3, 2, **_act(
                  "Acceptera", None, None, None, None, (3, 2))),
          )),
    _Risk("Brand eller vattenskada i serverhallen",
          "På grund av att all central utrustning står i en serverhall inträffar att brand eller vattenskada "
          "förstör utrustningen, vilket leder till veckor utan gemensamma system.",
          "Fysisk säkerhet", ("server", _SHARED), "Förbundschef VMKF", (
              _a("2024-02-20", 1, 4, **_act(
                  "Acceptera", None, None, None, None, (1, 4))),
              _a("2025-03-18", 1, 4, **_act(
                  "Reducera", "Spegla kritiska system till en andra serverhall i Arboga",
                  "Driftchef VMKF", "2026-12-31", "Pågår", (1, 2))),
              _a("2026-03-17", 1, 4),
          )),
    _Risk("Elevuppgifter överförs till land utanför EU",
          "På grund av att lärplattformens leverantör lagrar elevuppgifter utanför EU inträffar att "
          "uppgifterna överförs till tredje land utan tillräckligt skydd, vilket leder till brott mot "
          "dataskyddsförordningen.",
          "Leverantörer", ("larplattform", "Köping"), "Barn- och utbildningschef Köping", (
              _a("2024-09-17", 2, 3, **_act(
                  "Undvika", "Byta till leverantör med lagring inom EU vid avtalsförnyelsen",
                  "Barn- och utbildningschef Köping", "2025-08-01", "Pågår", (1, 3))),
              _a("2025-09-16", 1, 3, action_status="Klar"),
              _a("2026-03-17", 1, 3, status="Stängd"),
          )),
    _Risk("Resurserna för informationssäkerhet räcker inte",
          "På grund av att tjänsten som informationssäkerhetssamordnare länge var vakant och bara är på "
          "halvtid inträffar att säkerhetsarbetet vilar på it-chefen, vilket leder till att klassning, "
          "riskanalys och uppföljning inte hinns med.",
          "Organisation", None, "Förbundschef VMKF", (
              _a("2024-02-20", 4, 3, **_act(
                  "Reducera", "Rekrytera informationssäkerhetssamordnare (0,5 tjänst)",
                  "Förbundschef VMKF", "2024-12-31", "Pågår", (2, 3))),
              _a("2024-09-17", 4, 3, action_status="Försenad"),
              _a("2025-03-18", 3, 3, **_act(
                  "Reducera", "Utöka tjänsten som informationssäkerhetssamordnare till heltid",
                  None, None, "Ej påbörjad", (2, 3))),
              _a("2025-09-16", 3, 3),
              _a("2026-03-17", 3, 3),
              _a("2026-09-15", 3, 3),
          )),
    _Risk("Datorer utan säkerhetsuppdateringar sprider skadlig kod",
          "På grund av att datorer med operativsystem som inte längre får säkerhetsuppdateringar finns kvar "
          "i skolor och hemtjänst inträffar att skadlig kod sprids via dem, vilket leder till driftstopp "
          "och dataintrång.",
          "IT-infrastruktur", ("klient", _SHARED), "IT-chef VMKF", (
              _a("2024-09-17", 3, 2, **_act(
                  "Reducera", "Byta ut eller isolera alla datorer utan support",
                  "Driftchef VMKF", "2025-10-14", "Pågår", (1, 2))),
              _a("2025-09-16", 3, 2),
              _a("2026-03-17", 1, 2, action_status="Klar"),
              _a("2026-09-15", 1, 2, status="Stängd"),
          )),
    _Risk("Personuppgiftsbiträdesavtal saknas",
          "På grund av att personuppgiftsbiträdesavtal saknas eller är inaktuella för flera leverantörer "
          "inträffar att leverantörer behandlar personuppgifter utan instruktioner, vilket leder till brott "
          "mot dataskyddsförordningen och sanktionsavgifter.",
          "Leverantörer", None, "Förbundschef VMKF", (
              _a("2025-03-18", 3, 2, **_act(
                  "Reducera", "Inventera leverantörer och teckna biträdesavtal",
                  "Dataskyddsombud VMKF", "2025-12-31", "Pågår", (1, 2))),
              _a("2026-03-17", 3, 2, action_status="Försenad"),
              _a("2026-09-15", 2, 2, action_status="Pågår", due_date="2027-03-31"),
          )),
)


# The threat of the default catalogue (queries/schema/004_default_threats.sql) each risk
# concerns, by title; risks of governance and compliance concern none.
_RISK_THREATS = {
    "Utpressningsvirus krypterar servrar och säkerhetskopior": "HOT-01",
    "Angripare tar över Active Directory": "HOT-02",
    "Enda brandväggen saknar redundans": "HOT-04",
    "Säkerhetskopior går inte att återläsa": "HOT-05",
    "Strömavbrott slår ut serverhallen": "HOT-04",
    "Lönesystemets leverantör har långvarigt avbrott": "HOT-03",
    "Kända sårbarheter i ej uppdaterade system utnyttjas": "HOT-09",
    "Nyckelpersoner inom drift slutar eller blir sjuka": "HOT-08",
    "Nätfiske leder till kapade konton": "HOT-02",
    "Stadsnätet mellan kommunerna saknar reservväg": "HOT-04",
    "Obehöriga läser journaler i socialtjänsten": "HOT-11",
    "Bedragare får betalningar till fel konto": "HOT-02",
    "Telefonväxeln saknar support": "HOT-03",
    "Obehöriga kommer åt nätverksskåp på skolor": "HOT-11",
    "Intrång upptäcks inte eftersom loggar saknas": "HOT-09",
    "Angripare tar sig in via leverantörers fjärråtkomst": "HOT-09",
    "Personuppgifter skickas till fel mottagare": "HOT-06",
    "Brand eller vattenskada i serverhallen": "HOT-07",
    "Datorer utan säkerhetsuppdateringar sprider skadlig kod": "HOT-01",
}

# The two risk analyses (analysis_id, title, scope, started, finished, participants, scales).
# The spring 2024 analysis made the register's first full round after the audit; the autumn
# 2025 one re-assessed the IT infrastructure. Assessments between them are single
# re-assessments in the regular rounds and belong to no analysis.
_SCALES = "MSB, sannolikhet 1–4 × konsekvens 1–4"
_ANALYSES = (
    ("RA-2024-1", "Informationssäkerhet och IT-infrastruktur 2024",
     "Förbundets gemensamma IT-infrastruktur, verksamhetssystem och informationssäkerhet, efter "
     "revisionens uppföljning 2023", "2024-01-15", "2024-02-20",
     "IT-chef, driftchef, systemtekniker, nätverkstekniker, informationssäkerhetssamordnare, "
     "förbundschef, ekonomichef, lönechef", _SCALES),
    ("RA-2025-1", "IT-infrastruktur 2025",
     "Förbundets IT-infrastruktur: servrar, lagring, säkerhetskopiering, nätverk, brandvägg, "
     "katalogtjänst, e-post och klienter, med fysisk säkerhet i serverhall och teknikrum",
     "2025-08-25", "2025-09-16",
     "IT-chef, driftchef, systemtekniker, nätverkstekniker, informationssäkerhetssamordnare", _SCALES),
)
_ANALYSIS_ROUNDS = {"2024-02-20": "RA-2024-1", "2025-09-16": "RA-2025-1"}
# RA-2025-1's scope: which risks it assessed.
_INFRASTRUCTURE_AREAS = ("IT-infrastruktur", "Fysisk säkerhet")


def _analysis_columns(until: dt.date) -> dict:
    """The analyses started by ``until``; one not finished by then is still in progress."""
    rows = [row for row in _ANALYSES if dt.date.fromisoformat(row[3]) <= until]
    names = contracts.ANALYSES.column_names
    columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    for name in ("started_on", "finished_on"):
        columns[name] = [day if dt.date.fromisoformat(day) <= until else None for day in columns[name]]
        columns[name] = [day and dt.date.fromisoformat(day) for day in columns[name]]
    return columns


def _threat_columns() -> dict:
    """The default threat catalogue as a new database gets it from the schema."""
    con = duckdb.connect()
    try:
        db.migrate(con)
        frame = con.execute("SELECT * FROM threats ORDER BY threat_id").fetchall()
    finally:
        con.close()
    return {name: [row[i] for row in frame] for i, name in enumerate(contracts.THREATS.column_names)}


def _analysis_of(risk: _Risk, assessed_on: str, system: _System | None) -> str | None:
    analysis = _ANALYSIS_ROUNDS.get(assessed_on)
    if analysis == "RA-2025-1" and not (risk.area in _INFRASTRUCTURE_AREAS
                                        or (system is not None and system.infrastructure)):
        return None
    return analysis


def _risk_columns(systems: list[_System], system_ids: list[str], factor: float, until: dt.date) -> dict:
    """Each risk's assessments as rows, repeated to ``factor`` times as many risks."""
    count = max(len(_RISKS), round(len(_RISKS) * factor))
    locate = {(s.family, s.municipality): i for i, s in enumerate(systems[:len(_BASE_SYSTEMS)])}
    rows = []
    for risk_id, index in zip(_ids("R-", count, 2), range(count)):
        copy, base = divmod(index, len(_RISKS))
        risk = _RISKS[base]
        system_id, system = None, None
        if risk.system:
            # A copy of a risk concerns the same copy of its system, when there is one.
            system_index = locate[risk.system] + copy * len(_BASE_SYSTEMS)
            system_index = system_index if system_index < len(systems) else locate[risk.system]
            system_id, system = system_ids[system_index], systems[system_index]
        state = dict.fromkeys(contracts.RISKS.column_names)
        state.update(risk_id=risk_id, title=risk.title, description=risk.description, area=risk.area,
                     system_id=system_id, owner=risk.owner, status="Aktiv",
                     threat_id=_RISK_THREATS.get(risk.title))
        for changes in risk.assessments:
            state.update(changes)
            assessed_on = dt.date.fromisoformat(state["assessed_on"])
            if assessed_on > until:
                break
            rows.append({**state, "assessed_on": assessed_on,
                         "analysis_id": _analysis_of(risk, state["assessed_on"], system),
                         **{name: state[name] and dt.date.fromisoformat(state[name])
                            for name in ("due_date", "accepted_until")}})
    return {name: [row[name] for row in rows] for name in contracts.RISKS.column_names}


# --- The audit: recommendations and their follow-ups ---------------------------------------------

AUDIT_2021 = "Granskning av it-säkerhet 2021"
AUDIT_2023 = "Uppföljning av granskningen av it-säkerhet 2023"
AUDITOR = "KPMG (revisionen)"
FOLLOWUP_2023 = "2023-12-06"

# (rec_id, audit, issued on, text, owner, due date)
_RECOMMENDATIONS = (
    ("REK-2021-1", AUDIT_2021, "2021-10-20",
     "Besluta om att införa ett ledningssystem för informationssäkerhet för förbundet som kan utgöra ett "
     "ramverk för styrning och ledning. Därtill behöver erforderliga resurser säkerställas i förhållande "
     "till "
     "de behov som identifieras vid införandet.", "Förbundschef VMKF", "2022-12-31"),
    ("REK-2021-2", AUDIT_2021, "2021-10-20",
     "Fastställa styrande dokument som tydliggör ansvar och de krav som ställs på hur arbetet med "
     "informationssäkerhet ska bedrivas.", "Förbundschef VMKF", "2022-12-31"),
    ("REK-2021-3", AUDIT_2021, "2021-10-20",
     "Införa en modell/metod för riskanalys avseende it-infrastruktur som löpande uppdateras för att möta "
     "nya risker och hot.", "IT-chef VMKF", "2022-12-31"),
    ("REK-2021-4", AUDIT_2021, "2021-10-20",
     "Säkerställa att förbundet har ett uttalat mandat att ställa krav tillbaka på medlemskommunerna över "
     "väsentliga aktiviteter som påverkar förutsättningarna att arbeta med it-säkerhet.",
     "Förbundsdirektionen", "2022-12-31"),
    ("REK-2023-1", AUDIT_2023, FOLLOWUP_2023,
     "Tillkommande revisionsfråga: Har förbundsdirektionen utifrån den ökade hotbilden för cyberhot och "
     "attacker under 2022 och 2023 efterfrågat riskanalys eller presentation över förbundets förmåga att "
     "skydda information och upprätthålla verksamhet vid säkerhetshändelser inom it?",
     "Förbundsdirektionen", None),
    ("REK-2023-2", AUDIT_2023, FOLLOWUP_2023,
     "Revidera riktlinjen för systemförvaltning med avseende på att tydliggöra vikten av att riskanalyser "
     "och informationsklassning genomförs som delar i ett riskbaserat it-säkerhetsarbete.",
     "IT-chef VMKF", "2024-12-31"),
    ("REK-2023-3", AUDIT_2023, FOLLOWUP_2023,
     "Föra dialog med medlemskommunerna om gränsdragning mellan medlemskommunerna och förbundet avseende "
     "informationssäkerhetsarbetet och systemförvaltningsorganisationen.", "Förbundschef VMKF", "2024-12-31"),
    ("REK-2023-4", AUDIT_2023, FOLLOWUP_2023,
     "Förtydliga digitaliseringsrådets roll och ansvar i styrande dokument.", "Förbundsdirektionen",
     "2024-12-31"),
    ("REK-2023-5", AUDIT_2023, FOLLOWUP_2023,
     "Genomföra en riskanalys som inkluderar informationssäkerhetsrisker för förbundet och utifrån behov "
     "vidta "
     "åtgärder för att minimera eller eliminera risker för förbundet.", "IT-chef VMKF", "2024-12-31"),
)

# (rec_id, assessed on, assessed by, status, comment): the auditors' 2023 assessment, then the
# association's own yearly follow-ups for the board each September.
_FOLLOWUPS = (
    ("REK-2021-1", FOLLOWUP_2023, AUDITOR, "Delvis",
     "Ledningssystem har inte införts. Förbundet ser inte samma behov av ett ledningssystem då det inte har "
     "fastställts hur förbundet och medlemskommunerna ska organisera sig i frågorna."),
    ("REK-2021-2", FOLLOWUP_2023, AUDITOR, "Delvis",
     "En informationssäkerhetspolicy och en informationssäkerhetsanvisning har tagits fram. Riktlinjer "
     "som kravställer arbetet på en mer konkret nivå saknas; riktlinjen för systemförvaltning är under "
     "revidering."),
    ("REK-2021-3", FOLLOWUP_2023, AUDITOR, "Nej",
     "Modell för riskanalys har inte införts. Riskanalys har inte genomförts. En fortsatt stor andel av "
     "it-säkerhetsåtgärderna baseras på systemleverantörens rekommendationer."),
    ("REK-2021-4", FOLLOWUP_2023, AUDITOR, "Delvis",
     "Digitaliseringsrådet har förbättrat samsynen om prioriteringar i gemensamma informations- och "
     "it-säkerhetsfrågor. Rådets roll behöver formaliseras i styrande dokument."),
    ("REK-2023-1", FOLLOWUP_2023, AUDITOR, "Nej",
     "Förbundsdirektionen har inte efterfrågat eller bedömt it- eller informationssäkerhetsrisker i "
     "tillräcklig omfattning."),
    ("REK-2021-1", "2024-09-24", "IT-chef VMKF", "Delvis",
     "Beslut om ledningssystem avvaktar ansvarsfördelningen med medlemskommunerna. Rekrytering av "
     "informationssäkerhetssamordnare pågår."),
    ("REK-2021-2", "2024-09-24", "IT-chef VMKF", "Delvis",
     "Rutin för incidenthantering och riktlinje för behörighetshantering är beslutade. Riktlinjen för "
     "systemförvaltning är fortfarande under revidering."),
    ("REK-2021-3", "2024-09-24", "IT-chef VMKF", "Delvis",
     "Ett riskregister enligt MSB:s metodstöd upprättades i februari 2024. Metoden är inte fastställd i "
     "något styrdokument."),
    ("REK-2021-4", "2024-09-24", "IT-chef VMKF", "Delvis",
     "Frågan om mandat hanteras tillsammans med dialogen om gränsdragning."),
    ("REK-2023-1", "2024-09-24", "IT-chef VMKF", "Nej",
     "Direktionen har inte begärt någon riskanalys; säkerhetsarbetet redovisades som tidigare i september."),
    ("REK-2023-2", "2024-09-24", "IT-chef VMKF", "Nej",
     "Revideringen har påbörjats men inte slutförts."),
    ("REK-2023-3", "2024-09-24", "IT-chef VMKF", "Delvis",
     "Dialog inledd i digitaliseringsrådet; ingen överenskommelse ännu."),
    ("REK-2023-4", "2024-09-24", "IT-chef VMKF", "Nej", "Inte påbörjad."),
    ("REK-2023-5", "2024-09-24", "IT-chef VMKF", "Delvis",
     "Riskanalys påbörjad; 23 risker identifierade och bedömda. Åtgärder beslutas under hösten."),
    ("REK-2021-1", "2025-09-23", "Förbundschef VMKF", "Delvis",
     "Informationssäkerhetssamordnare på halvtid anställd i mars 2025. Ledningssystem är ännu inte "
     "beslutat."),
    ("REK-2021-2", "2025-09-23", "Förbundschef VMKF", "Delvis",
     "Instruktion för lösenord och tvåfaktorsautentisering beslutad. Riktlinjen för systemförvaltning är "
     "fortfarande inte beslutad."),
    ("REK-2021-3", "2025-09-23", "Förbundschef VMKF", "Delvis",
     "Riskregistret följs upp varje halvår, men metoden är fortfarande inte fastställd."),
    ("REK-2021-4", "2025-09-23", "Förbundschef VMKF", "Delvis",
     "Inga förändringar sedan föregående uppföljning."),
    ("REK-2023-1", "2025-09-23", "Förbundschef VMKF", "Delvis",
     "Direktionen fick riskanalysen redovisad i maj 2025 men har inte beslutat om återkommande redovisning."),
    ("REK-2023-2", "2025-09-23", "Förbundschef VMKF", "Delvis",
     "Förslag till reviderad riktlinje har skickats på remiss till medlemskommunerna."),
    ("REK-2023-3", "2025-09-23", "Förbundschef VMKF", "Delvis",
     "Förslag till gränsdragning diskuterat i digitaliseringsrådet; två kommuner har lämnat synpunkter."),
    ("REK-2023-4", "2025-09-23", "Förbundschef VMKF", "Nej", "Frågan har inte prioriterats."),
    ("REK-2023-5", "2025-09-23", "Förbundschef VMKF", "Ja",
     "Riskanalys med informationssäkerhetsrisker genomförd och redovisad för förbundsdirektionen. "
     "Åtgärderna följs upp i riskregistret."),
    ("REK-2021-1", "2026-09-22", "Förbundschef VMKF", "Delvis",
     "Ledningssystemet ska beslutas när ansvarsfördelningen med medlemskommunerna är klar."),
    ("REK-2021-2", "2026-09-22", "Förbundschef VMKF", "Delvis",
     "Policyn för informationssäkerhet ska ses över efter cybersäkerhetslagen."),
    ("REK-2021-3", "2026-09-22", "Förbundschef VMKF", "Delvis",
     "Anvisning för riskanalys finns som utkast. Riskregistret uppdateras varje halvår."),
    ("REK-2021-4", "2026-09-22", "Förbundschef VMKF", "Delvis",
     "Mandatet föreslås regleras i den nya förbundsordningen."),
    ("REK-2023-1", "2026-09-22", "Förbundschef VMKF", "Ja",
     "Förbundsdirektionen har beslutat att en ”lägesbild” för informations- och it-säkerhet med riskanalys "
     "ska redovisas varje år."),
    ("REK-2023-2", "2026-09-22", "Förbundschef VMKF", "Delvis",
     "Remissvar inväntas från Kungsör och Surahammar – beslut planeras till december 2026."),
    ("REK-2023-3", "2026-09-22", "Förbundschef VMKF", "Delvis",
     "Överenskommelse om gränsdragning är klar med Arboga och Köping."),
    ("REK-2023-4", "2026-09-22", "Förbundschef VMKF", "Delvis",
     "Digitaliseringsrådets roll beskrivs i förslaget till reviderad riktlinje för systemförvaltning."),
    ("REK-2023-5", "2026-09-22", "Förbundschef VMKF", "Ja",
     "Riskanalysen uppdaterades i mars och september 2026."),
)


def _recommendation_columns(until: dt.date) -> dict:
    rows = [r for r in _RECOMMENDATIONS if dt.date.fromisoformat(r[2]) <= until]
    return {
        "rec_id": [r[0] for r in rows],
        "audit": [r[1] for r in rows],
        "text": [r[3] for r in rows],
        "owner": [r[4] for r in rows],
        "due_date": [r[5] and dt.date.fromisoformat(r[5]) for r in rows],
    }


def _followup_columns(until: dt.date) -> dict:
    issued = {r[0]: dt.date.fromisoformat(r[2]) for r in _RECOMMENDATIONS}
    rows = [f for f in _FOLLOWUPS if issued[f[0]] <= until and dt.date.fromisoformat(f[1]) <= until]
    return {
        "rec_id": [f[0] for f in rows],
        "assessed_on": [dt.date.fromisoformat(f[1]) for f in rows],
        "assessed_by": [f[2] for f in rows],
        "status": [f[3] for f in rows],
        "comment": [f[4] for f in rows],
    }


# --- Governing documents ---------------------------------------------------------------------------

# (doc_id, title, type, decided by, decided on, review months, status, owner)
_DOCUMENTS = (
    ("DOK-01", "Policy för informationssäkerhet", "Policy", "Förbundsdirektionen", "2022-12-14", 24,
     "Gällande", "Förbundschef VMKF"),
    ("DOK-02", "Informationssäkerhetsanvisning", "Anvisning", "Förbundschef VMKF", "2023-09-26", 24,
     "Gällande", "IT-chef VMKF"),
    ("DOK-03", "Riktlinje för systemförvaltning", "Riktlinje", "Förbundsdirektionen", "2019-05-22", 36,
     "Under revidering", "IT-chef VMKF"),
    ("DOK-04", "IT-säkerhetsinstruktion för användare", "Instruktion", "IT-chef VMKF", "2019-03-05", 36,
     "Upphävd", "IT-chef VMKF"),
    ("DOK-05", "Rutin för personuppgiftsincidenter", "Rutin", "Förbundschef VMKF", "2021-03-09", 24,
     "Gällande", "Dataskyddsombud VMKF"),
    ("DOK-06", "Kontinuitetsplan för gemensam it-drift", "Plan", "Förbundschef VMKF", "2023-06-20", 12,
     "Gällande", "IT-chef VMKF"),
    ("DOK-07", "Rutin för hantering av informationssäkerhetsincidenter", "Rutin", "Förbundschef VMKF",
     "2024-04-16", 12, "Under revidering", "IT-chef VMKF"),
    ("DOK-08", "Riktlinje för behörighetshantering", "Riktlinje", "Förbundsdirektionen", "2024-06-12", 24,
     "Gällande", "IT-chef VMKF"),
    ("DOK-09", "Rutin för säkerhetskopiering och återläsning", "Rutin", "IT-chef VMKF", "2024-10-01", 12,
     "Gällande", "Driftchef VMKF"),
    ("DOK-10", "Instruktion för lösenord och tvåfaktorsautentisering", "Instruktion", "IT-chef VMKF",
     "2025-02-04", 24, "Gällande", "IT-chef VMKF"),
    ("DOK-11", "Anvisning för riskanalys enligt MSB:s metodstöd", "Anvisning", None, None, 24, "Utkast",
     "Informationssäkerhetssamordnare VMKF"),
    ("DOK-12", "Rutin för loggning och logguppföljning", "Rutin", "IT-chef VMKF", "2025-09-30", 12,
     "Gällande", "Systemtekniker VMKF"),
    ("DOK-13", "Kontinuitetsplan för lön och ekonomi", "Plan", "Förbundschef VMKF", "2025-11-18", 12,
     "Gällande", "Ekonomichef VMKF"),
    ("DOK-14", "Riktlinje för informationsklassning", "Riktlinje", None, None, 24, "Utkast",
     "Informationssäkerhetssamordnare VMKF"),
    ("DOK-15", "Plan för informationssäkerhetsarbetet 2026–2027", "Plan", "Förbundsdirektionen", "2026-02-18",
     12, "Gällande", "Förbundschef VMKF"),
)


def _document_columns(until: dt.date) -> dict:
    # Rows hold the values in the contract's column order.
    rows = [d for d in _DOCUMENTS if not d[4] or dt.date.fromisoformat(d[4]) <= until]
    columns = {name: [d[i] for d in rows] for i, name in enumerate(contracts.DOCUMENTS.column_names)}
    columns["decided_on"] = [on and dt.date.fromisoformat(on) for on in columns["decided_on"]]
    return columns


# --- Writing ---------------------------------------------------------------------------------------

def _decimal(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _cell(column: Column, value) -> str:
    if value is None:
        return ""
    if column.type == BOOLEAN:
        return "ja" if value else "nej"
    if column.type == DECIMAL:
        return _decimal(value)
    if column.type in (DATE, MONTH, TIMESTAMP):
        return value.strftime({DATE: "%Y-%m-%d", MONTH: "%Y-%m", TIMESTAMP: "%Y-%m-%d %H:%M"}[column.type])
    return str(value)


def _cells(column: Column, values) -> list[str]:
    """The column's values as CSV text. Arrays are formatted once per distinct value, which
    is what makes a million rows quick."""
    if not isinstance(values, np.ndarray):
        return [_cell(column, v) for v in values]
    if values.dtype.kind == "O":
        return ["" if v is None else str(v) for v in values.tolist()]
    distinct, index = np.unique(values, return_inverse=True)
    if values.dtype.kind == "M":
        unit = {DATE: "D", MONTH: "M", TIMESTAMP: "m"}[column.type]
        texts = np.strings.replace(np.datetime_as_string(distinct, unit=unit), "T", " ")
        texts = np.where(np.isnat(distinct), "", texts).astype(object)
    else:
        texts = np.array([_cell(column, v) for v in distinct.tolist()], dtype=object)
    return texts[index].tolist()


def _write_csv(path: Path, kind: Kind, columns: dict) -> int:
    if set(columns) != set(kind.column_names):
        raise ValueError(f"{kind.name}: columns {sorted(columns)} do not match the contract")
    cells = [_cells(column, columns[column.name]) for column in kind.columns]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([column.header for column in kind.columns])
        writer.writerows(zip(*cells))
    return len(cells[0])


def generate(out_dir: Path | str, *, seed: int = DEMO_SEED, until: dt.date = DEMO_UNTIL,
             incidents_per_year: float | None = None) -> dict[str, int]:
    """Write one CSV per kind (``<kind>.csv``) into ``out_dir``; return the rows written per kind.

    ``incidents_per_year`` None gives the demo's volume. A larger number scales incidents and,
    in proportion, systems (so SLA rows and classifications) and risks, for the benchmark; a
    smaller one scales only incidents.
    """
    if until < START:
        raise ValueError(f"until must be on or after {START}")
    rate = DEMO_INCIDENTS_PER_YEAR if incidents_per_year is None else incidents_per_year
    factor = rate / DEMO_INCIDENTS_PER_YEAR
    systems = _systems(factor)
    system_ids = _ids("SYS-", len(systems), 3)
    tables = {
        "systems": _system_columns(systems, system_ids, until),
        "incidents": _incident_columns(_rng(seed, "incidents"), systems, system_ids, rate, until),
        "sla": _sla_columns(_rng(seed, "sla"), systems, system_ids, until),
        "classifications": _classification_columns(random.Random(f"{seed}:classifications"), systems,
                                                   system_ids, until),
        "analyses": _analysis_columns(until),
        "threats": _threat_columns(),
        "risks": _risk_columns(systems, system_ids, factor, until),
        "recommendations": _recommendation_columns(until),
        "followups": _followup_columns(until),
        "documents": _document_columns(until),
    }
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return {name: _write_csv(out / f"{name}.csv", kind, tables[name])
            for name, kind in contracts.KINDS.items()}


def incidents_per_year_for_total(total: int, until: dt.date = DEMO_UNTIL) -> float:
    """The yearly rate that gives about ``total`` incidents from 2019 to ``until``."""
    return total / _covered_years(until)


def generate_for_total_incidents(out_dir: Path | str, total: int, *, seed: int = DEMO_SEED,
                                 until: dt.date = DEMO_UNTIL) -> dict[str, int]:
    """Like :func:`generate`, scaled so that about ``total`` incidents are written."""
    return generate(out_dir, seed=seed, until=until,
                    incidents_per_year=incidents_per_year_for_total(total, until))


# --- Loading -------------------------------------------------------------------------------------

def load_demo(con: duckdb.DuckDBPyConnection, directory: Path | str = DEMO_DIR,
              changed_by: str = "demo") -> None:
    """Import every kind from ``directory`` through the ordinary importer and mark the database as demo."""
    directory = Path(directory)
    for name, kind in contracts.KINDS.items():
        path = directory / f"{name}.csv"
        if _has_no_rows(path):
            continue  # an early end date leaves e.g. the risk register empty
        result = ingest.import_file(con, name, path, changed_by=changed_by)
        if not result.ok:
            details = "; ".join(_problem_text(p) for p in result.problems[:5])
            raise db.LagesbildError(
                f"Demofilen {path.name} ({kind.label_sv}) kunde inte läsas in: {details}")
    db.set_meta(con, "demo", "ja")


def _problem_text(problem) -> str:
    where = ", ".join(part for part in (problem.row and f"rad {problem.row}",
                                        problem.column and f"kolumn {problem.column}") if part)
    return f"{where}: {problem.message('sv')}" if where else problem.message("sv")


def _has_no_rows(path: Path) -> bool:
    with open(path, encoding="utf-8") as handle:
        handle.readline()
        return not handle.readline()


def is_demo(con: duckdb.DuckDBPyConnection) -> bool:
    return db.get_meta(con, "demo") == "ja"


if __name__ == "__main__":
    started = time.perf_counter()
    written = generate(DEMO_DIR)
    for kind_name, rows in written.items():
        print(f"{kind_name}: {rows} rader")
    print(f"{DEMO_DIR} skriven på {time.perf_counter() - started:.2f} s")
