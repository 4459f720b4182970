"""Texts of the Informationsklassning page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "classification_page.heading": ("Informationsklassning {year} · {scope}",
                                    "Information classification {year} · {scope}"),
    "classification_page.current_rule": (
        "Aktuell klassning: den senaste klassningen har inte passerat sin översyn "
        "(utan angivet översynsdatum: den är yngre än {classification_valid_months} månader).",
        "Current classification: the latest classification has not passed its review "
        "(without a review date: it is less than {classification_valid_months} months old)."),
    "classification_page.no_data": ("Det finns inga system registrerade för {scope}.",
                                    "There are no systems registered for {scope}."),

    # --- Headline figures ------------------------------------------------------------------
    "classification_page.metric.coverage": ("Aktuell klassning, alla system",
                                            "Current classification, all systems"),
    "classification_page.metric.infrastructure": ("Aktuell klassning, infrastruktur",
                                                  "Current classification, infrastructure"),
    "classification_page.metric.gold": ("Aktuell klassning, SLA-nivå Guld",
                                        "Current classification, SLA tier Gold"),
    "classification_page.help.share.one": ("{current} av {systems} system.",
                                           "{current} of {systems} system."),
    "classification_page.help.share.other": ("{current} av {systems} system.",
                                             "{current} of {systems} systems."),
    "classification_page.help.no_systems": ("Inga sådana system i urvalet.",
                                            "No such systems in the selection."),

    # --- Coverage over the years -------------------------------------------------------------
    "classification_page.coverage.title": ("Andel system med aktuell klassning",
                                           "Share of systems with a current classification"),
    "classification_page.coverage.sentence.higher": (
        "Per {date} hade {share} av systemen en aktuell klassning, {difference} mer än vid "
        "utgången av {previous_year}.",
        "As of {date}, {share} of systems had a current classification, {difference} more than "
        "at the end of {previous_year}."),
    "classification_page.coverage.sentence.lower": (
        "Per {date} hade {share} av systemen en aktuell klassning, {difference} mindre än vid "
        "utgången av {previous_year}.",
        "As of {date}, {share} of systems had a current classification, {difference} less than "
        "at the end of {previous_year}."),
    "classification_page.coverage.sentence.same": (
        "Per {date} hade {share} av systemen en aktuell klassning, samma andel som vid "
        "utgången av {previous_year}.",
        "As of {date}, {share} of systems had a current classification, the same share as at "
        "the end of {previous_year}."),
    "classification_page.coverage.below_target": ("Det är under målet på minst {target}.",
                                                  "That is below the target of at least {target}."),
    "classification_page.coverage.target_met": ("Målet på minst {target} är nått.",
                                                "The target of at least {target} is met."),
    "classification_page.series.all": ("Alla system", "All systems"),
    "classification_page.series.infrastructure": ("Infrastruktursystem", "Infrastructure systems"),
    "classification_page.series.gold": ("SLA-nivå Guld", "SLA tier Gold"),
    "classification_page.series.target": ("Mål {target}", "Target {target}"),

    # --- Overdue reviews ---------------------------------------------------------------------
    "classification_page.overdue.title": ("Klassningar som passerat sin översyn",
                                          "Classifications past their review"),
    "classification_page.overdue.sentence.one": (
        "1 system har en klassning vars översyn har passerat, {comparison}. "
        "Det är {name}, {days} över tiden.",
        "1 system has a classification past its review, {comparison}. "
        "It is {name}, {days} overdue."),
    "classification_page.overdue.sentence.other": (
        "{count} system har en klassning vars översyn har passerat, {comparison}. "
        "Längst över tiden är {name}: {days}.",
        "{count} systems have classifications past their review, {comparison}. "
        "Longest overdue is {name}: {days}."),
    "classification_page.overdue.none": (
        "Inget system har en klassning vars översyn har passerat per {date} "
        "({previous} vid utgången av {previous_year}).",
        "No system has a classification past its review as of {date} "
        "({previous} at the end of {previous_year})."),
    "classification_page.overdue.note": (
        "Utan angivet översynsdatum ska klassningen ses över inom {classification_valid_months} månader.",
        "Without a review date, a classification is due for review after {classification_valid_months} months."),
    "classification_page.comparison.more": ("{difference} fler än vid utgången av {previous_year}",
                        "{difference} more than at the end of {previous_year}"),
    "classification_page.comparison.fewer": ("{difference} färre än vid utgången av {previous_year}",
                         "{difference} fewer than at the end of {previous_year}"),
    "classification_page.comparison.same": ("lika många som vid utgången av {previous_year}",
                        "as many as at the end of {previous_year}"),
    "classification_page.days.one": ("{count} dag", "{count} day"),
    "classification_page.days.other": ("{count} dagar", "{count} days"),

    # --- Levels per system ---------------------------------------------------------------------
    "classification_page.levels.title": ("Skyddsbehov per system enligt KLASSA",
                                         "Protection needs per system (KLASSA)"),
    "classification_page.levels.sentence.one": (
        "1 av {systems} system har en klassning per {date} ({previous} vid utgången av "
        "{previous_year}). {serious} av dem har minst en aspekt på nivå 3 eller 4 och behöver "
        "därför starkare skydd.",
        "1 of {systems} systems has a classification as of {date} ({previous} at the end of "
        "{previous_year}). {serious} of them have at least one aspect at level 3 or 4 and "
        "therefore need stronger protection."),
    "classification_page.levels.sentence.other": (
        "{classified} av {systems} system har en klassning per {date} ({previous} vid utgången "
        "av {previous_year}). {serious} av dem har minst en aspekt på nivå 3 eller 4 och "
        "behöver därför starkare skydd.",
        "{classified} of {systems} systems have a classification as of {date} ({previous} at "
        "the end of {previous_year}). {serious} of them have at least one aspect at level 3 or 4 "
        "and therefore need stronger protection."),
    "classification_page.levels.none": ("Inget system i urvalet hade klassats per {date}.",
                                        "No system in the selection had been classified as of "
                                        "{date}."),
    "classification_page.levels.note": (
        "K konfidentialitet, R riktighet, T tillgänglighet, S spårbarhet. Nivåer: 0 Försumbar, "
        "1 Måttlig, 2 Betydande, 3 Allvarlig, 4 Synnerligen allvarlig.",
        "C confidentiality, I integrity, A availability, T traceability. Levels: 0 Negligible, "
        "1 Moderate, 2 Significant, 3 Serious, 4 Very serious."),

    # --- Action plans ----------------------------------------------------------------------------
    "classification_page.measures.title": ("Uppfyllda åtgärder i handlingsplanerna",
                                           "Action plan measures met"),
    "classification_page.measures.sentence.higher": (
        "Handlingsplanerna var i genomsnitt uppfyllda till {average} per {date}, en förbättring "
        "med {difference} sedan utgången av {previous_year}.",
        "On average, the action plans were {average} met as of {date}, an improvement of "
        "{difference} since the end of {previous_year}."),
    "classification_page.measures.sentence.lower": (
        "Handlingsplanerna var i genomsnitt uppfyllda till {average} per {date}, en försämring "
        "med {difference} sedan utgången av {previous_year}.",
        "On average, the action plans were {average} met as of {date}, a decline of "
        "{difference} since the end of {previous_year}."),
    "classification_page.measures.sentence.same": (
        "Handlingsplanerna var i genomsnitt uppfyllda till {average} per {date}, samma nivå som "
        "vid utgången av {previous_year}.",
        "On average, the action plans were {average} met as of {date}, the same level as at "
        "the end of {previous_year}."),
    "classification_page.measures.sentence.no_previous": (
        "Handlingsplanerna var i genomsnitt uppfyllda till {average} per {date}; för "
        "{previous_year} finns inga uppgifter.",
        "On average, the action plans were {average} met as of {date}; there is no data for "
        "{previous_year}."),
    "classification_page.measures.low": (
        "{low} av {count} system har uppfyllt mindre än hälften av sina åtgärder.",
        "{low} of {count} systems have met less than half of their measures."),
    "classification_page.measures.none": (
        "Inga handlingsplaner med uppfyllda åtgärder är registrerade per {date}.",
        "No action plans with measures met are recorded as of {date}."),
    "classification_page.measures.axis": ("Antal system", "Number of systems"),

    # --- Availability needs against continuity plan and SLA tier ------------------------------
    "classification_page.needs.title": ("Höga tillgänglighetskrav utan tillräckligt skydd",
                                        "High availability needs without enough protection"),
    "classification_page.needs.note": (
        "Förbundets krav: ett system med tillgänglighet (T) på nivå 3 eller 4 ska ha en "
        "kontinuitetsplan. T4 kräver SLA-nivå Guld, T3 minst Silver.",
        "The association's requirement: a system with availability (A) at level 3 or 4 needs a continuity plan. "
        "A4 requires SLA tier Gold, A3 at least Silver."),
    "classification_page.needs.sentence.one": (
        "1 av {high} system med tillgänglighet på nivå 3 eller 4 brister: {missing_plan} "
        "saknar kontinuitetsplan och {low_tier} har lägre SLA-nivå än kravet. Vid utgången av "
        "{previous_year} var det {previous}.",
        "1 of {high} systems with availability at level 3 or 4 falls short: {missing_plan} "
        "without a continuity plan and {low_tier} with a lower SLA tier than required. At the "
        "end of {previous_year} there were {previous}."),
    "classification_page.needs.sentence.other": (
        "{flagged} av {high} system med tillgänglighet på nivå 3 eller 4 brister: {missing_plan} "
        "saknar kontinuitetsplan och {low_tier} har lägre SLA-nivå än kravet. Vid utgången av "
        "{previous_year} var det {previous}.",
        "{flagged} of {high} systems with availability at level 3 or 4 fall short: "
        "{missing_plan} without a continuity plan and {low_tier} with a lower SLA tier than "
        "required. At the end of {previous_year} there were {previous}."),
    "classification_page.needs.all_met.one": (
        "Det enda systemet med tillgänglighet på nivå 3 eller 4 har en kontinuitetsplan och en "
        "SLA-nivå som motsvarar kravet (vid utgången av {previous_year} brast {previous}).",
        "The one system with availability at level 3 or 4 has a continuity plan and an SLA "
        "tier that meets the need ({previous} fell short at the end of {previous_year})."),
    "classification_page.needs.all_met.other": (
        "Alla {high} system med tillgänglighet på nivå 3 eller 4 har en kontinuitetsplan och en "
        "SLA-nivå som motsvarar kravet (vid utgången av {previous_year} brast {previous}).",
        "All {high} systems with availability at level 3 or 4 have a continuity plan and an SLA "
        "tier that meets the need ({previous} fell short at the end of {previous_year})."),
    "classification_page.needs.no_high": (
        "Inget klassat system i urvalet har tillgänglighet på nivå 3 eller 4 per {date}.",
        "No classified system in the selection has availability at level 3 or 4 as of {date}."),
    "classification_page.plan_missing": ("Saknas", "Missing"),
    "classification_page.tier_missing": ("Ingen", "None"),
    "classification_page.tier_too_low": ("{tier} (för låg)", "{tier} (too low)"),
    "classification_page.tier_at_least": ("Minst {tier}", "At least {tier}"),

    # --- Table columns and cell words -----------------------------------------------------------
    "classification_page.column.system": ("System", "System"),
    "classification_page.column.municipality": ("Kommun", "Municipality"),
    "classification_page.column.classified_on": ("Klassad", "Classified"),
    "classification_page.column.review_due": ("Översyn senast", "Review due"),
    "classification_page.column.days_overdue": ("Dagar över tiden", "Days overdue"),
    "classification_page.column.state": ("Läge", "State"),
    "classification_page.column.confidentiality": ("K", "C"),
    "classification_page.column.integrity": ("R", "I"),
    "classification_page.column.availability": ("T", "A"),
    "classification_page.column.traceability": ("S", "T"),
    "classification_page.column.availability_need": ("Tillgänglighet (T)", "Availability (A)"),
    "classification_page.column.measures": ("Uppfyllda åtgärder", "Measures met"),
    "classification_page.column.sla_tier": ("SLA-nivå", "SLA tier"),
    "classification_page.column.required_tier": ("Krävd SLA-nivå", "Required SLA tier"),
    "classification_page.column.continuity_plan": ("Kontinuitetsplan", "Continuity plan"),
    "classification_page.state.current": ("Aktuell", "Current"),
    "classification_page.state.overdue": ("Översyn passerad", "Review overdue"),
    # A long table shortened to the rows that matter most, with the whole list to download.
    "full_list.download": ("Ladda ner hela listan (CSV)", "Download the full list (CSV)"),
    "classification_page.overdue.shown": (
        "Tabellen visar {shown} av {count} system: de vars översyn har varit försenad längst.",
        "The table shows {shown} of {count} systems: those whose review has been overdue the longest."),
    "classification_page.levels.shown": (
        "Tabellen visar {shown} av {count} klassade system: de med högst nivåer.",
        "The table shows {shown} of {count} classified systems: those with the highest levels."),
    "classification_page.needs.shown": (
        "Tabellen visar {shown} av {count} system: de med högst krav på tillgänglighet.",
        "The table shows {shown} of {count} systems: those with the highest availability needs."),
    "classification_page.overdue.file": ("klassning-forsenad-oversyn-{year}.csv",
                                         "classification-overdue-reviews-{year}.csv"),
    "classification_page.levels.file": ("klassning-nivaer-{year}.csv", "classification-levels-{year}.csv"),
    "classification_page.needs.file": ("klassning-tillganglighetsbehov-{year}.csv",
                                       "classification-availability-needs-{year}.csv"),
}
