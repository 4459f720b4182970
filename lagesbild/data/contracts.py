"""The import contracts: every kind of file Lägesbild reads, in one place.

A kind names its table, its key and its columns. A column says its Swedish and
English header, its type, whether a value is required, and for controlled lists
the accepted spellings. The importer, the exporter, the templates and the demo
generator all read these definitions; nothing else lists columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from lagesbild.rules import risk_review
from lagesbild import rules


# How pages, reports and messages show a value of a numbered scale with its label.
DISPLAY_FORMS = ("{value} ({label})", "{label} ({value})", "{value} {label}")


@dataclass(frozen=True)
class Vocabulary:
    """A controlled list: canonical values with their English labels.

    ``aliases`` adds extra accepted spellings (lower-case) for a canonical value.
    Matching is case-insensitive and ignores surrounding spaces.
    """

    name: str
    labels: Mapping[object, tuple[str, str]]  # canonical -> (Swedish, English)
    aliases: Mapping[str, object] = field(default_factory=dict)

    @property
    def values(self) -> tuple:
        return tuple(self.labels)

    def spellings(self) -> dict[str, object]:
        """Every accepted lower-case spelling mapped to its canonical value: the value, its
        labels, the aliases, and for a numbered scale the forms our own pages and messages
        write it in ("4 (Kritisk)", "Kritisk (4)", "4 Kritisk")."""
        accepted: dict[str, object] = {}
        for canonical, (sv, en) in self.labels.items():
            accepted[str(canonical).lower()] = canonical
            accepted[sv.lower()] = canonical
            accepted[en.lower()] = canonical
        accepted.update(self.aliases)
        for canonical, labels in self.labels.items():
            if isinstance(canonical, int):
                for label in labels:
                    for form in DISPLAY_FORMS:
                        accepted.setdefault(form.format(value=canonical, label=label).lower(), canonical)
        return accepted

    def label(self, canonical: object, lang: str = "sv") -> str:
        sv, en = self.labels[canonical]
        return en if lang == "en" else sv


def _vocab(name: str, pairs, aliases=None) -> Vocabulary:
    return Vocabulary(name, MappingProxyType(dict(pairs)), MappingProxyType(dict(aliases or {})))


# --- Controlled lists (GLOSSARY.md; lists marked "chosen" there are ours) -------------

MUNICIPALITIES = _vocab("municipality", [
    ("Arboga", ("Arboga", "Arboga")),
    ("Köping", ("Köping", "Köping")),
    ("Kungsör", ("Kungsör", "Kungsör")),
    ("Surahammar", ("Surahammar", "Surahammar")),
    # Systems and incidents that belong to the association's shared services.
    ("Gemensam", ("Gemensam (förbundet)", "Shared (association)")),
], aliases={"förbundet": "Gemensam", "vmkf": "Gemensam", "shared": "Gemensam",
            "västra mälardalens kommunalförbund": "Gemensam",
            "koping": "Köping", "kungsor": "Kungsör"})

MEMBER_MUNICIPALITIES = ("Arboga", "Köping", "Kungsör", "Surahammar")

SYSTEM_CATEGORIES = _vocab("system_category", [
    ("Ekonomi", ("Ekonomi", "Finance")),
    ("HR och lön", ("HR och lön", "HR and payroll")),
    ("Skola", ("Skola", "School")),
    ("Vård och omsorg", ("Vård och omsorg", "Social care")),
    ("Ärendehantering", ("Ärende- och dokumenthantering", "Case and records management")),
    ("Kommunikation", ("Kommunikation", "Communication")),
    ("Infrastruktur", ("Infrastruktur", "Infrastructure")),
    ("Webb", ("Webb och intranät", "Web and intranet")),
    ("Samhällsbyggnad", ("Samhällsbyggnad", "Planning and building")),
    ("Övrigt", ("Övrigt", "Other")),
], aliases={"hr": "HR och lön"})

SLA_TIERS = _vocab("sla_tier", [
    ("Guld", ("Guld", "Gold")),
    ("Silver", ("Silver", "Silver")),
    ("Brons", ("Brons", "Bronze")),
])

INCIDENT_CATEGORIES = _vocab("incident_category", [
    ("Otillåtet innehåll", ("Otillåtet innehåll", "Abusive content")),
    ("Skadlig kod", ("Skadlig kod", "Malicious code")),
    ("Informationsinsamling", ("Informationsinsamling", "Information gathering")),
    ("Intrångsförsök", ("Intrångsförsök", "Intrusion attempts")),
    ("Intrång", ("Intrång", "Intrusions")),
    ("Tillgänglighet", ("Tillgänglighet", "Availability")),
    ("Informationssäkerhet", ("Informationssäkerhet", "Information content security")),
    ("Bedrägeri", ("Bedrägeri", "Fraud")),
    ("Sårbarhet", ("Sårbarhet", "Vulnerable")),
    ("Övrigt", ("Övrigt", "Other")),
], aliases={"malware": "Skadlig kod", "intrusion attempt": "Intrångsförsök",
            "intrusion": "Intrång", "vulnerability": "Sårbarhet"})

CAUSES = _vocab("cause", [
    ("Handhavandefel", ("Handhavandefel", "Human error")),
    ("Angrepp", ("Angrepp", "Attack")),
    ("Störning i extern infrastruktur", ("Störning i extern infrastruktur",
                                         "Disruption in external infrastructure")),
    ("Störning i driftmiljön", ("Störning i driftmiljön", "Disruption in the operating environment")),
    ("Fel i mjuk- eller hårdvara", ("Fel i mjuk- eller hårdvara", "Software or hardware fault")),
    ("Okänd", ("Okänd", "Unknown")),
])

SEVERITIES = _vocab("severity", [
    (1, ("Låg", "Low")),
    (2, ("Medel", "Medium")),
    (3, ("Hög", "High")),
    (4, ("Kritisk", "Critical")),
])

LIKELIHOODS = _vocab("likelihood", [
    (1, ("Mycket liten", "Very low")),
    (2, ("Liten", "Low")),
    (3, ("Stor", "High")),
    (4, ("Mycket stor", "Very high")),
])

CONSEQUENCES = _vocab("consequence", [
    (1, ("Försumbar", "Negligible")),
    (2, ("Måttlig", "Moderate")),
    (3, ("Betydande", "Significant")),
    (4, ("Allvarlig", "Severe")),
])

# KLASSA impact levels, used for each of K, R, T and S.
KLASSA_LEVELS = _vocab("klassa_level", [
    (0, ("Försumbar", "Negligible")),
    (1, ("Måttlig", "Moderate")),
    (2, ("Betydande", "Significant")),
    (3, ("Allvarlig", "Serious")),
    (4, ("Synnerligen allvarlig", "Very serious")),
])

RISK_AREAS = _vocab("risk_area", [
    ("IT-infrastruktur", ("IT-infrastruktur", "IT infrastructure")),
    ("Informationssäkerhet", ("Informationssäkerhet", "Information security")),
    ("Verksamhetssystem", ("Verksamhetssystem", "Business systems")),
    ("Organisation", ("Organisation och styrning", "Organisation and governance")),
    ("Leverantörer", ("Leverantörer", "Suppliers")),
    ("Fysisk säkerhet", ("Fysisk säkerhet", "Physical security")),
], aliases={"organisation och styrning": "Organisation", "it infrastructure": "IT-infrastruktur",
            "infrastruktur": "IT-infrastruktur"})

TREATMENTS = _vocab("treatment", [
    ("Reducera", ("Reducera", "Reduce")),
    ("Acceptera", ("Acceptera", "Accept")),
    ("Undvika", ("Undvika", "Avoid")),
    ("Överföra", ("Överföra", "Transfer")),
])

ACTION_STATUSES = _vocab("action_status", [
    ("Ej påbörjad", ("Ej påbörjad", "Not started")),
    ("Pågår", ("Pågår", "In progress")),
    ("Klar", ("Klar", "Done")),
    ("Försenad", ("Försenad", "Delayed")),
], aliases={"ej paborjad": "Ej påbörjad", "pagar": "Pågår"})

RISK_STATUSES = _vocab("risk_status", [
    ("Aktiv", ("Aktiv", "Active")),
    ("Stängd", ("Stängd", "Closed")),
], aliases={"öppen": "Aktiv", "open": "Aktiv"})

FOLLOWUP_STATUSES = _vocab("followup_status", [
    ("Ja", ("Ja", "Yes")),
    ("Delvis", ("Delvis", "Partly")),
    ("Nej", ("Nej", "No")),
], aliases={"partially": "Delvis"})

DOCUMENT_TYPES = _vocab("document_type", [
    ("Policy", ("Policy", "Policy")),
    ("Riktlinje", ("Riktlinje", "Guideline")),
    ("Anvisning", ("Anvisning", "Directive")),
    ("Instruktion", ("Instruktion", "Instruction")),
    ("Rutin", ("Rutin", "Procedure")),
    ("Plan", ("Plan", "Plan")),
])

DOCUMENT_STATUSES = _vocab("document_status", [
    ("Gällande", ("Gällande", "In force")),
    ("Under revidering", ("Under revidering", "Under revision")),
    ("Utkast", ("Utkast", "Draft")),
    ("Upphävd", ("Upphävd", "Repealed")),
])

BOOLEAN_SPELLINGS: Mapping[str, bool] = MappingProxyType({
    "ja": True, "nej": False, "yes": True, "no": False, "true": True, "false": False,
    "1": True, "0": False, "sant": True, "falskt": False, "j": True, "n": False,
})


# --- Columns and kinds ------------------------------------------------------------------

# Column types understood by the importer and exporter.
TEXT, INTEGER, DECIMAL, DATE, TIMESTAMP, MONTH, BOOLEAN, CHOICE = (
    "text", "integer", "decimal", "date", "timestamp", "month", "boolean", "choice")


@dataclass(frozen=True)
class Column:
    name: str                      # database column and English header
    header: str                    # Swedish header
    type: str = TEXT
    required: bool = False
    vocabulary: Vocabulary | None = None
    minimum: float | None = None
    maximum: float | None = None
    references: str | None = None  # kind whose key this column must match (or be empty)
    max_length: int = 2000
    # A column added after the format was first published: a file may leave it out, and then
    # the stored values of that column are kept as they are.
    optional: bool = False

    @property
    def headers(self) -> tuple[str, str]:
        return (self.header, self.name)


@dataclass(frozen=True)
class RowRule:
    """A rule across columns, as a SQL condition over the typed columns that a valid
    row satisfies (NULLs pass). ``column`` is where the message points."""

    condition: str
    column: str
    message_sv: str
    message_en: str


@dataclass(frozen=True)
class Kind:
    name: str
    label_sv: str
    label_en: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rules: tuple[RowRule, ...] = ()

    @property
    def table(self) -> str:
        return self.name

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def label(self, lang: str = "sv") -> str:
        return self.label_en if lang == "en" else self.label_sv


def _c(name, header, type_=TEXT, **kw) -> Column:
    return Column(name, header, type_, **kw)


SYSTEMS = Kind(
    "systems", "System", "Systems",
    (
        _c("system_id", "Systemid", required=True, max_length=50),
        _c("name", "Systemnamn", required=True, max_length=200),
        _c("municipality", "Kommun", CHOICE, required=True, vocabulary=MUNICIPALITIES),
        _c("owner", "Systemägare", max_length=200),
        _c("category", "Kategori", CHOICE, required=True, vocabulary=SYSTEM_CATEGORIES),
        _c("sla_tier", "SLA-nivå", CHOICE, vocabulary=SLA_TIERS),
        _c("infrastructure", "Infrastruktur", BOOLEAN, required=True),
        _c("continuity_plan_date", "Kontinuitetsplan", DATE),
        _c("management_plan_date", "Förvaltningsplan", DATE),
        # The member municipalities a shared system serves, comma-separated; empty: all four.
        # Its SLA rows (Kommun Gemensam) count for each of them (schema macro sla_months).
        _c("used_by", "Används av", max_length=200, optional=True),
    ),
    key=("system_id",),
    rules=(
        RowRule("used_by IS NULL OR municipality = 'Gemensam'", "used_by",
                "bara ett gemensamt system (Kommun Gemensam) kan användas av andra kommuner",
                "only a shared system (municipality Gemensam) can be used by other municipalities"),
        RowRule("used_by IS NULL OR list_bool_and(list_transform(string_split(used_by, ','), "
                "lambda name: lower(trim(name)) IN ("
                + ", ".join(f"'{m.lower()}'" for m in MEMBER_MUNICIPALITIES) + ")))",
                "used_by",
                "ange medlemskommuner åtskilda med kommatecken: " + ", ".join(MEMBER_MUNICIPALITIES),
                "give member municipalities separated by commas: " + ", ".join(MEMBER_MUNICIPALITIES)),
    ),
)

INCIDENTS = Kind(
    "incidents", "Incidenter", "Incidents",
    (
        _c("incident_id", "Incidentid", required=True, max_length=50),
        _c("title", "Rubrik", required=True, max_length=500),
        _c("reported_at", "Anmäld", TIMESTAMP, required=True),
        _c("resolved_at", "Åtgärdad", TIMESTAMP),
        _c("municipality", "Kommun", CHOICE, required=True, vocabulary=MUNICIPALITIES),
        _c("system_id", "Systemid", references="systems", max_length=50),
        _c("category", "Kategori", CHOICE, required=True, vocabulary=INCIDENT_CATEGORIES),
        _c("cause", "Orsak", CHOICE, required=True, vocabulary=CAUSES),
        _c("severity", "Allvarlighetsgrad", CHOICE, required=True, vocabulary=SEVERITIES),
        _c("personal_data_breach", "Personuppgiftsincident", BOOLEAN, required=True),
        _c("significant", "Betydande", BOOLEAN, required=True),
        _c("reported_to_authority_at", "Rapporterad", TIMESTAMP),
    ),
    key=("incident_id",),
    rules=(
        RowRule("resolved_at >= reported_at", "resolved_at",
                "åtgärdad före anmäld", "resolved before reported"),
        RowRule("reported_to_authority_at >= reported_at", "reported_to_authority_at",
                "rapporterad före anmäld", "reported to the authority before the incident was reported"),
    ),
)

SLA = Kind(
    "sla", "SLA per månad", "SLA per month",
    (
        _c("month", "Månad", MONTH, required=True),
        _c("system_id", "Systemid", required=True, references="systems", max_length=50),
        # A member municipality, or Gemensam for a shared system measured as a whole: that row
        # counts for every member the system serves (systems.used_by).
        _c("municipality", "Kommun", CHOICE, required=True, vocabulary=MUNICIPALITIES),
        _c("availability_target_pct", "Mål tillgänglighet (%)", DECIMAL, required=True,
           minimum=0, maximum=100),
        _c("availability_pct", "Tillgänglighet (%)", DECIMAL, required=True, minimum=0, maximum=100),
        # Counts a monitoring export does not have: unknown (NULL) until the service desk's
        # figures are imported, never taken as 0.
        _c("outages", "Avbrott", INTEGER, minimum=0, optional=True),
        _c("outage_minutes", "Avbrottstid (min)", DECIMAL, required=True, minimum=0,
           maximum=31 * 24 * 60),
        _c("tickets", "Ärenden", INTEGER, minimum=0, optional=True),
        _c("tickets_within_target", "Inom åtgärdstid", INTEGER, minimum=0, optional=True),
    ),
    key=("month", "system_id", "municipality"),
    rules=(
        RowRule("tickets_within_target <= tickets", "tickets_within_target",
                "fler ärenden inom åtgärdstid än ärenden totalt",
                "more tickets within target than tickets in total"),
        RowRule("outages > 0 OR outage_minutes = 0", "outage_minutes",
                "avbrottstid anges men inga avbrott", "outage time given but no outages"),
    ),
)

CLASSIFICATIONS = Kind(
    "classifications", "Informationsklassningar", "Information classifications",
    (
        _c("system_id", "Systemid", required=True, references="systems", max_length=50),
        _c("classified_on", "Klassad", DATE, required=True),
        _c("confidentiality", "Konfidentialitet", CHOICE, required=True, vocabulary=KLASSA_LEVELS),
        _c("integrity", "Riktighet", CHOICE, required=True, vocabulary=KLASSA_LEVELS),
        _c("availability", "Tillgänglighet", CHOICE, required=True, vocabulary=KLASSA_LEVELS),
        _c("traceability", "Spårbarhet", CHOICE, required=True, vocabulary=KLASSA_LEVELS),
        _c("next_review", "Nästa översyn", DATE),
        _c("measures_met_pct", "Uppfyllda åtgärder (%)", DECIMAL, minimum=0, maximum=100),
    ),
    key=("system_id", "classified_on"),
    rules=(
        RowRule("next_review > classified_on", "next_review",
                "nästa översyn ligger inte efter klassningsdatumet",
                "next review is not after the classification date"),
    ),
)

RISKS = Kind(
    "risks", "Risker", "Risks",
    (
        _c("risk_id", "Riskid", required=True, max_length=50),
        _c("title", "Risk", required=True, max_length=300),
        _c("description", "Beskrivning", max_length=4000),
        _c("area", "Område", CHOICE, required=True, vocabulary=RISK_AREAS),
        _c("system_id", "Systemid", references="systems", max_length=50),
        _c("owner", "Riskägare", max_length=200),
        _c("assessed_on", "Bedömd", DATE, required=True),
        _c("likelihood", "Sannolikhet", CHOICE, required=True, vocabulary=LIKELIHOODS),
        _c("consequence", "Konsekvens", CHOICE, required=True, vocabulary=CONSEQUENCES),
        _c("treatment", "Behandling", CHOICE, vocabulary=TREATMENTS),
        _c("action", "Åtgärd", max_length=2000),
        _c("action_owner", "Åtgärdsansvarig", max_length=200),
        _c("due_date", "Klart senast", DATE),
        _c("action_status", "Åtgärdsstatus", CHOICE, vocabulary=ACTION_STATUSES),
        _c("residual_likelihood", "Kvarstående sannolikhet", CHOICE, vocabulary=LIKELIHOODS),
        _c("residual_consequence", "Kvarstående konsekvens", CHOICE, vocabulary=CONSEQUENCES),
        _c("status", "Status", CHOICE, required=True, vocabulary=RISK_STATUSES),
        _c("analysis_id", "Riskanalys", references="analyses", max_length=50, optional=True),
        _c("threat_id", "Hot", references="threats", max_length=50, optional=True),
        _c("accepted_by", "Accepterad av", max_length=200, optional=True),
        _c("acceptance_reason", "Motivering för acceptans", max_length=2000, optional=True),
        _c("accepted_until", "Accepterad till", DATE, optional=True),
    ),
    key=("risk_id", "assessed_on"),
    rules=(
        RowRule("(residual_likelihood IS NULL) = (residual_consequence IS NULL)",
                "residual_consequence",
                "kvarstående sannolikhet och konsekvens anges tillsammans",
                "residual likelihood and consequence go together"),
        RowRule("residual_likelihood * residual_consequence <= likelihood * consequence",
                "residual_consequence",
                "kvarstående risk är högre än risken före behandling",
                "residual risk is higher than the risk before treatment"),
        # Accepting a Hög or Extremt hög risk is a decision someone takes, for a reason and a
        # time (lagesbild.rules.risk_review).
        RowRule(f"treatment IS DISTINCT FROM '{risk_review.ACCEPT}' "
                f"OR likelihood * consequence < {rules.RISK_ACCEPTANCE_SCORE} "
                "OR (nullif(trim(accepted_by), '') IS NOT NULL "
                "AND nullif(trim(acceptance_reason), '') IS NOT NULL AND accepted_until IS NOT NULL)",
                "accepted_by",
                "en hög risk kan bara accepteras med beslutsfattare (Accepterad av), motivering och "
                "slutdatum (Accepterad till)",
                "a high risk can only be accepted with a decision-maker (Accepted by), a reason and "
                "an end date (Accepted until)"),
    ),
)

ANALYSES = Kind(
    "analyses", "Riskanalyser", "Risk analyses",
    (
        _c("analysis_id", "Analysid", required=True, max_length=50),
        _c("title", "Titel", required=True, max_length=300),
        _c("scope", "Omfattning", required=True, max_length=2000),
        _c("started_on", "Påbörjad", DATE, required=True),
        _c("finished_on", "Avslutad", DATE),
        _c("participants", "Deltagare", required=True, max_length=2000),
        _c("scales", "Skalor", required=True, max_length=300),
    ),
    key=("analysis_id",),
    rules=(
        RowRule("finished_on >= started_on", "finished_on",
                "avslutad före påbörjad", "finished before it started"),
    ),
)

THREATS = Kind(
    "threats", "Hotkatalog", "Threat catalogue",
    (
        _c("threat_id", "Hotid", required=True, max_length=50),
        _c("name", "Hot", required=True, max_length=200),
        _c("description", "Beskrivning", max_length=2000),
        _c("incident_categories", "Incidentkategorier", max_length=500),
        _c("active", "Aktiv", BOOLEAN, required=True),
    ),
    key=("threat_id",),
)

RECOMMENDATIONS = Kind(
    "recommendations", "Revisionens rekommendationer", "Audit recommendations",
    (
        _c("rec_id", "Rekid", required=True, max_length=50),
        _c("audit", "Granskning", required=True, max_length=200),
        _c("text", "Rekommendation", required=True, max_length=4000),
        _c("owner", "Ansvarig", max_length=200),
        _c("due_date", "Klart senast", DATE),
    ),
    key=("rec_id",),
)

FOLLOWUPS = Kind(
    "followups", "Uppföljningar", "Follow-ups",
    (
        _c("rec_id", "Rekid", required=True, references="recommendations", max_length=50),
        _c("assessed_on", "Bedömd", DATE, required=True),
        _c("assessed_by", "Bedömd av", required=True, max_length=200),
        _c("status", "Bedömning", CHOICE, required=True, vocabulary=FOLLOWUP_STATUSES),
        _c("comment", "Kommentar", max_length=4000),
    ),
    key=("rec_id", "assessed_on"),
)

DOCUMENTS = Kind(
    "documents", "Styrdokument", "Governing documents",
    (
        _c("doc_id", "Dokumentid", required=True, max_length=50),
        _c("title", "Titel", required=True, max_length=300),
        _c("type", "Typ", CHOICE, required=True, vocabulary=DOCUMENT_TYPES),
        _c("decided_by", "Beslutad av", max_length=200),
        _c("decided_on", "Beslutad", DATE),
        _c("review_months", "Översyn (månader)", INTEGER, required=True, minimum=1, maximum=120),
        _c("status", "Status", CHOICE, required=True, vocabulary=DOCUMENT_STATUSES),
        _c("owner", "Ägare", max_length=200),
    ),
    key=("doc_id",),
)

# In load order: a kind comes after the kinds its columns reference.
KINDS: Mapping[str, Kind] = MappingProxyType({k.name: k for k in (
    SYSTEMS, INCIDENTS, SLA, CLASSIFICATIONS, ANALYSES, THREATS, RISKS, RECOMMENDATIONS, FOLLOWUPS,
    DOCUMENTS)})


def kind(name: str) -> Kind:
    """The kind called ``name`` (English or Swedish label, any case)."""
    wanted = name.strip().lower()
    for k in KINDS.values():
        if wanted in (k.name, k.label_sv.lower(), k.label_en.lower()):
            return k
    raise KeyError(name)
